using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.PlaceOrder;

internal static class PlaceOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<OrderDto>> (PlaceOrderRequest request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var order = await mediator.Send(new PlaceOrderCommand(request), ct);
                ETags.Set(response, order.Version);
                return TypedResults.Created($"/api/v1/orders/{order.Id}", order);
            })
            .RequireAuthorization(Policies.StaffOrStorefront)
            .WithIdempotency()
            .WithName("PlaceOrder")
            .WithSummary("Place an order and reserve its stock")
            .WithDescription("Reserves stock for every line in the same request. When any line is short the answer is 409 with "
                + "`shortages` (sku, requested, available) and nothing is reserved. A storefront key places orders for its own storefront only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
