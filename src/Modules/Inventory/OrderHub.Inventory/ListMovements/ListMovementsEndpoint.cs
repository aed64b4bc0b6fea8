using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ListMovements;

internal static class ListMovementsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{sku}/movements", async Task<Ok<PagedResult<StockMovementDto>>> (string sku, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMovementsQuery(sku, PageRequest.From(page, pageSize)), ct)))
            .WithName("ListStockMovements")
            .WithSummary("The SKU's immutable stock ledger, newest first")
            .WithDescription("Every change of on-hand or reserved is one movement; per location the quantities add up to on-hand and the reservedDelta values to reserved.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
