using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.DeliverOrder;

internal static class DeliverOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/delivery", async Task<Ok<OrderDto>> (Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DeliverOrderRequest? request, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                OrderResponses.WithETag(response, await mediator.Send(new DeliverOrderCommand(id, request?.DeliveredAt, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("DeliverOrder")
            .WithSummary("Record delivery; starts the return window")
            .WithDescription("Only a fully shipped order can be delivered. deliveredAt defaults to now and may not lie in the future. Accepts If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
