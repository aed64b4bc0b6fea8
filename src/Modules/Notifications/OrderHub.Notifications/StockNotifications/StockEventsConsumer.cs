using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Inventory.Contracts;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Publishing;

namespace OrderHub.Notifications.StockNotifications;

/// <summary>
/// Passes stock changes and low-stock alerts to the webhook subscribers that asked for them; no customer email. It only
/// adds rows, so a run of events needs no save between them (ADR 0034).
/// </summary>
internal sealed class StockEventsConsumer(NotificationWriter writer) :
    IRunConsumer<StockChanged>,
    IRunConsumer<StockLow>
{
    public Task HandleAsync(StockChanged integrationEvent, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            new NotifiableEvent(
                new WebhookEvent(integrationEvent.Id, WebhookEventTypes.StockChanged, integrationEvent.OccurredAt,
                    new { stock = integrationEvent.Stock, change = integrationEvent.Change, reference = integrationEvent.Reference }),
                null),
            cancellationToken);

    public Task HandleAsync(StockLow integrationEvent, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            new NotifiableEvent(
                new WebhookEvent(integrationEvent.Id, WebhookEventTypes.StockLow, integrationEvent.OccurredAt,
                    new { sku = integrationEvent.Sku, available = integrationEvent.Available, threshold = integrationEvent.Threshold }),
                null),
            cancellationToken);
}
