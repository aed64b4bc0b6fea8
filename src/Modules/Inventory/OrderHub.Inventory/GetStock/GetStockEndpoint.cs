using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.GetStock;

internal static class GetStockEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{sku}", async Task<Ok<StockSnapshot>> (string sku, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetStockQuery(sku), ct)))
            .WithName("GetStock")
            .WithSummary("Stock figures of a SKU, in total and per location")
            .WithDescription("available = on-hand in Pick and Bulk locations minus reserved; nonSellable = on-hand in every other location type; inboundReturns = units on approved returns not yet received; expectedFromReturns = inboundReturns times the SKU's restock rate (units restocked / returned units inspected, from the ledger; 1 without history), rounded down.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
