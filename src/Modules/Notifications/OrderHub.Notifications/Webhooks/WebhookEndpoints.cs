using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Webhooks.CreateWebhook;
using OrderHub.Notifications.Webhooks.DeactivateWebhook;
using OrderHub.Notifications.Webhooks.ListDeliveries;
using OrderHub.Notifications.Webhooks.ListWebhooks;
using OrderHub.Notifications.Webhooks.Redeliver;

namespace OrderHub.Notifications.Webhooks;

internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("/api/v1/webhooks")
            .WithTags("Webhooks")
            .WithStandardProblems()
            .RequireAuthorization(Policies.Staff);

        webhooks.MapPost("/", async Task<Created<WebhookSubscriptionDto>> (CreateWebhookRequest request, IMediator mediator, CancellationToken ct) =>
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

        webhooks.MapGet("/", async Task<Ok<PagedResult<WebhookSubscriptionDto>>> ([FromQuery] int? page, [FromQuery] int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListWebhooksQuery(PageRequest.From(page, pageSize)), ct)))
            .WithName("ListWebhooks")
            .WithSummary("List webhook subscriptions, active and deactivated; secrets are never shown")
            .ProducesValidationProblem();

        webhooks.MapGet("/{id:guid}", async Task<Ok<WebhookSubscriptionDto>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (subscription, version) = await mediator.Send(new GetWebhookQuery(id), ct);
                ETags.Set(response, version);
                return TypedResults.Ok(subscription);
            })
            .WithName("GetWebhook")
            .WithSummary("Get a webhook subscription")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeactivateWebhookCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeactivateWebhook")
            .WithSummary("Deactivate a subscription")
            .WithDescription("Nothing more is delivered to it; pending deliveries are abandoned. The subscription and its delivery log stay readable.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapGet("/{id:guid}/deliveries", async Task<Ok<PagedResult<WebhookDeliveryDto>>> (
                Guid id, [FromQuery] DeliveryStatus? status, [FromQuery] int? page, [FromQuery] int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListWebhookDeliveriesQuery(id, status, PageRequest.From(page, pageSize)), ct)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("The delivery log of a subscription: attempts, response codes and the next retry")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async Task<Accepted<WebhookDeliveryDto>> (Guid id, Guid deliveryId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", await mediator.Send(new RedeliverWebhookCommand(id, deliveryId), ct)))
            .WithName("RedeliverWebhook")
            .WithSummary("Send a delivery again")
            .WithDescription("Works on pending, sent and dead deliveries; the delivery keeps its X-OrderHub-Delivery id and gets a fresh retry window. "
                + "409 when the subscription is deactivated or the delivery is being sent at this moment.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
