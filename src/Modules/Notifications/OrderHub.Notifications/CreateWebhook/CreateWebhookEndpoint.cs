using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.CreateWebhook;

internal static class CreateWebhookEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<WebhookSubscriptionDto>> (CreateWebhookRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var subscription = await mediator.Send(new CreateWebhookCommand(request), ct);
                return TypedResults.Created($"/api/v1/webhooks/{subscription.Id}", subscription);
            })
            .WithIdempotency()
            .WithName("CreateWebhook")
            .WithSummary("Subscribe a URL to events")
            .WithDescription("Each event is POSTed as `{id, type, occurredAt, data}` with the headers `X-OrderHub-Event`, `X-OrderHub-Delivery` "
                + "(stable across retries: drop repeats) and `X-OrderHub-Signature: sha256=<hex>`, the HMAC-SHA256 of the exact body with the secret. "
                + "Any 2xx answer delivers; anything else is retried with exponential backoff for at least 24 hours. Events: "
                + string.Join(", ", WebhookEventTypes.All) + ".")
            .ProducesValidationProblem();
}
