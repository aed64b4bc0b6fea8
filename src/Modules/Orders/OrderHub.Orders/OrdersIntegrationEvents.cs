using MediatR;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;
using Events = OrderHub.Orders.Domain.Events;

namespace OrderHub.Orders;

/// <summary>
/// Turns the order's domain events into the integration events other modules and webhooks consume, written to
/// the Orders outbox in the transaction that saves the change.
/// </summary>
internal sealed class OrdersIntegrationEvents(OrdersDbContext db)
    : INotificationHandler<Events.OrderConfirmed>,
        INotificationHandler<Events.OrderShipped>,
        INotificationHandler<Events.OrderDelivered>,
        INotificationHandler<Events.OrderCancelled>
{
    public Task Handle(Events.OrderConfirmed notification, CancellationToken cancellationToken)
    {
        db.Publish(new OrderConfirmed(Guid.NewGuid(), notification.OccurredAt, notification.Order.ToSnapshot()));
        return Task.CompletedTask;
    }

    public Task Handle(Events.OrderShipped notification, CancellationToken cancellationToken)
    {
        db.Publish(new OrderShipped(
            Guid.NewGuid(), notification.OccurredAt, notification.Order.ToSnapshot(), notification.Shipment.ToDto(), notification.Complete));
        return Task.CompletedTask;
    }

    public Task Handle(Events.OrderDelivered notification, CancellationToken cancellationToken)
    {
        db.Publish(new OrderDelivered(Guid.NewGuid(), notification.OccurredAt, notification.Order.ToSnapshot()));
        return Task.CompletedTask;
    }

    public Task Handle(Events.OrderCancelled notification, CancellationToken cancellationToken)
    {
        db.Publish(new OrderCancelled(Guid.NewGuid(), notification.OccurredAt, notification.Order.ToSnapshot(), notification.Reason));
        return Task.CompletedTask;
    }
}
