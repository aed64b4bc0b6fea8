using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.GetWarehouse;

internal static class GetWarehouseEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{code}", async Task<Ok<WarehouseDto>> (string code, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetWarehouseQuery(code), ct)))
            .WithName("GetWarehouse")
            .WithSummary("A warehouse and its address")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
