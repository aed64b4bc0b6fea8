using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.GetOrderTimeline;

internal static class GetOrderTimelineEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/timeline", async Task<Ok<IReadOnlyList<OrderTimelineEntryDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOrderTimelineQuery(id), ct)))
            .RequireAuthorization(Policies.Read)
            .WithName("GetOrderTimeline")
            .WithSummary("Every state change of the order with its time and actor")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
