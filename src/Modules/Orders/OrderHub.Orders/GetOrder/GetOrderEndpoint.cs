using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.GetOrder;

internal static class GetOrderEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", async Task<Ok<OrderDto>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                OrderResponses.WithETag(response, await mediator.Send(new GetOrderQuery(id, null), ct)))
            .RequireAuthorization(Policies.Read)
            .WithName("GetOrder")
            .WithSummary("Get an order with its lines and shipments")
            .WithDescription("The ETag header carries the order's version; send it as If-Match on state changes.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/by-number/{number}", async Task<Ok<OrderDto>> (string number, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                OrderResponses.WithETag(response, await mediator.Send(new GetOrderQuery(null, number), ct)))
            .RequireAuthorization(Policies.Read)
            .WithName("GetOrderByNumber")
            .WithSummary("Get an order by its number, e.g. OH-000123")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
