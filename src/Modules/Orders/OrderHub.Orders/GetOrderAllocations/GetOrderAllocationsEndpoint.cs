using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.GetOrderAllocations;

internal static class GetOrderAllocationsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/allocations", async Task<Ok<OrderAllocationsDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOrderAllocationsQuery(id), ct)))
            .RequireAuthorization(Policies.Read)
            .WithName("GetOrderAllocations")
            .WithSummary("Where an order's stock is reserved, per line")
            .WithDescription("Per line: `[{warehouseCode, locationCode, quantity, shippedQuantity}]`. Allocation happens when the order is placed: the "
                + "fewest warehouses that can ship the whole order, then warehouse priority, then a warehouse in the ship-to country.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
