using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.RedeliverWebhook;

internal static class RedeliverWebhookEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async Task<Accepted<WebhookDeliveryDto>> (Guid id, Guid deliveryId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", await mediator.Send(new RedeliverWebhookCommand(id, deliveryId), ct)))
            .WithName("RedeliverWebhook")
            .WithSummary("Send a delivery again")
            .WithDescription("Works on pending, sent and dead deliveries; the delivery keeps its X-OrderHub-Delivery id and gets a fresh retry window. "
                + "409 when the subscription is deactivated or the delivery is being sent at this moment.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
