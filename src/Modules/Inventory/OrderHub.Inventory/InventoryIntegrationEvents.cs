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
    : INotificationHandler<StockStepChanged>, INotificationHandler<SkuStockRanLow>
{
    public Task Handle(StockStepChanged notification, CancellationToken cancellationToken)
    {
        var stocks = notification.Stocks.Select(stock => new ChangedStock(Guid.NewGuid(), stock)).ToList();
        db.Publish(new StockStepCompleted(Guid.NewGuid(), notification.OccurredAt, notification.Change, notification.Reference, stocks));
        return Task.CompletedTask;
    }

    public Task Handle(SkuStockRanLow notification, CancellationToken cancellationToken)
    {
        db.Publish(new StockLow(Guid.NewGuid(), notification.OccurredAt, notification.Sku, notification.Available, notification.Threshold));
        return Task.CompletedTask;
    }
}
