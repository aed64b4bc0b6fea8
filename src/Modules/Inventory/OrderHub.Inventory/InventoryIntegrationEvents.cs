using MediatR;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain.Events;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory;

/// <summary>
/// The one place that turns Inventory's domain events into the integration events other modules, the live
/// stream and webhooks consume; they go to the outbox in the transaction of the change.
/// </summary>
internal sealed class InventoryIntegrationEvents(InventoryDbContext db)
    : INotificationHandler<SkuStockChanged>, INotificationHandler<SkuStockRanLow>
{
    public Task Handle(SkuStockChanged notification, CancellationToken cancellationToken)
    {
        db.Publish(new StockChanged(Guid.NewGuid(), notification.OccurredAt, notification.Stock, notification.Change, notification.Reference));
        return Task.CompletedTask;
    }

    public Task Handle(SkuStockRanLow notification, CancellationToken cancellationToken)
    {
        db.Publish(new StockLow(Guid.NewGuid(), notification.OccurredAt, notification.Sku, notification.Available, notification.Threshold));
        return Task.CompletedTask;
    }
}
