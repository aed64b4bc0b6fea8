using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.ShipOrder;

internal static class ShipOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/shipments", async Task<Created<ShipmentDto>> (Guid id, ShipOrderRequest request, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            {
                var (shipment, version) = await mediator.Send(new ShipOrderCommand(id, request, ETags.ExpectedVersion(http)), ct);
                ETags.Set(response, version);
                return TypedResults.Created($"/api/v1/orders/{id}", shipment);
            })
            .RequireAuthorization(Policies.Staff)
            .WithIdempotency()
            .WithName("ShipOrder")
            .WithSummary("Record a shipment of some or all remaining units")
            .WithDescription("Consumes the reservation: reserved and on-hand stock drop. Status becomes PartiallyShipped or Shipped. Accepts If-Match.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
