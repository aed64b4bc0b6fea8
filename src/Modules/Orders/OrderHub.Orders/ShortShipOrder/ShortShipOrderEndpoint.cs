using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.ShortShipOrder;

internal static class ShortShipOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/short-ship", async Task<Ok<OrderDto>> (Guid id, ShortShipRequest request, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                OrderResponses.WithETag(response, await mediator.Send(new ShortShipOrderCommand(id, request, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ShortShipOrder")
            .WithSummary("Give up on units that will never ship")
            .WithDescription("Releases the reservation of those units where they were allocated and records it on the timeline. When nothing is left "
                + "to ship the order becomes Shipped (and can be delivered), or Cancelled if nothing had shipped. More than a line has left to ship → 422. Accepts If-Match.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
