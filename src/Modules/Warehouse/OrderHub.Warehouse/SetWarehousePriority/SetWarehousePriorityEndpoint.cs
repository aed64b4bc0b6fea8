using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.SetWarehousePriority;

internal static class SetWarehousePriorityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{code}/priority", async Task<Ok<WarehouseDto>> (string code, WarehousePriorityRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetWarehousePriorityCommand(code, request.Priority), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("SetWarehousePriority")
            .WithSummary("Rank a warehouse for allocation")
            .WithDescription("Lower is preferred. Allocation first takes the fewest warehouses that can ship the whole order, then the lowest "
                + "priority, then a warehouse in the ship-to country. Orders already placed keep their allocation.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
