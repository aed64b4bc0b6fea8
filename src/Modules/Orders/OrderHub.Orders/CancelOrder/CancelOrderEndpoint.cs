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

namespace OrderHub.Orders.CancelOrder;

internal static class CancelOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/cancel", async Task<Ok<OrderDto>> (Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CancelOrderRequest? request, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                OrderResponses.WithETag(response, await mediator.Send(new CancelOrderCommand(id, request?.Reason, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(Policies.StaffOrStorefront)
            .WithName("CancelOrder")
            .WithSummary("Cancel an order before anything shipped")
            .WithDescription("Releases every reservation. 409 once anything has shipped or when already cancelled. Accepts If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
