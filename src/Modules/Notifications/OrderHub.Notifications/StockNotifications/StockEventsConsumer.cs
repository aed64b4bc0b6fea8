using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Inventory.Contracts;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Publishing;

namespace OrderHub.Notifications.StockNotifications;

/// <summary>
/// Passes stock changes and low-stock alerts to the webhook subscribers that asked for them; no customer email. A
/// stock step becomes one <c>stock.changed</c> event per SKU it changed, with that SKU's change id (ADR 0036). It only
/// adds rows, so a run of events needs no save between them (ADR 0034).
/// </summary>
internal sealed class StockEventsConsumer(NotificationWriter writer) :
    IRunConsumer<StockStepCompleted>,
    IRunConsumer<StockChanged>,
    IRunConsumer<StockLow>
{
    public async Task HandleAsync(StockStepCompleted integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var changed in integrationEvent.Stocks)
        {
            await WriteStockChangedAsync(changed.Id, integrationEvent.OccurredAt, changed.Stock, integrationEvent.Change, integrationEvent.Reference, cancellationToken);
        }
    }

    /// <summary>The per-SKU form of earlier versions, still in an outbox across an upgrade.</summary>
    public Task HandleAsync(StockChanged integrationEvent, CancellationToken cancellationToken) =>
        WriteStockChangedAsync(integrationEvent.Id, integrationEvent.OccurredAt, integrationEvent.Stock, integrationEvent.Change, integrationEvent.Reference, cancellationToken);

    public Task HandleAsync(StockLow integrationEvent, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            new NotifiableEvent(
                new WebhookEvent(integrationEvent.Id, WebhookEventTypes.StockLow, integrationEvent.OccurredAt,
                    new { sku = integrationEvent.Sku, available = integrationEvent.Available, threshold = integrationEvent.Threshold }),
                null),
            cancellationToken);

    private Task WriteStockChangedAsync(Guid id, DateTime occurredAt, StockSnapshot stock, string change, string? reference, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            new NotifiableEvent(new WebhookEvent(id, WebhookEventTypes.StockChanged, occurredAt, new { stock, change, reference }), null),
            cancellationToken);
}
