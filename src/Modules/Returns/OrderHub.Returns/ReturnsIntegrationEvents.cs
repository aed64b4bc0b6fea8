using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Returns.Persistence;
using DomainEvents = OrderHub.Returns.Domain.Events;

namespace OrderHub.Returns;

/// <summary>
/// The one place that turns the Returns module's domain events into the integration events other modules and
/// webhooks consume. It runs while the change is saved, so each event reaches the outbox in the same transaction.
/// </summary>
internal sealed class ReturnsIntegrationEvents(ReturnsDbContext db) :
    INotificationHandler<DomainEvents.ReturnRequested>,
    INotificationHandler<DomainEvents.ReturnApproved>,
    INotificationHandler<DomainEvents.ReturnRejected>,
    INotificationHandler<DomainEvents.ReturnCancelled>,
    INotificationHandler<DomainEvents.ReturnReceived>,
    INotificationHandler<DomainEvents.ReturnCompleted>,
    INotificationHandler<DomainEvents.ReturnExpiring>,
    INotificationHandler<DomainEvents.ReturnExpired>
{
    public Task Handle(DomainEvents.ReturnRequested notification, CancellationToken cancellationToken) =>
        Publish(new ReturnRequested(Guid.NewGuid(), notification.OccurredAt, Snapshot(notification.Return)));

    public Task Handle(DomainEvents.ReturnApproved notification, CancellationToken cancellationToken)
    {
        var rma = notification.Return;
        return Publish(new ReturnApproved(Guid.NewGuid(), notification.OccurredAt, Snapshot(rma), rma.EverythingKeptByCustomer ? null : ReturnMapping.LabelUrl(rma.Id)));
    }

    public Task Handle(DomainEvents.ReturnRejected notification, CancellationToken cancellationToken) =>
        Publish(new ReturnRejected(Guid.NewGuid(), notification.OccurredAt, Snapshot(notification.Return), notification.Reason));

    public Task Handle(DomainEvents.ReturnCancelled notification, CancellationToken cancellationToken) =>
        Publish(new ReturnCancelled(Guid.NewGuid(), notification.OccurredAt, Snapshot(notification.Return)));

    public Task Handle(DomainEvents.ReturnReceived notification, CancellationToken cancellationToken) =>
        Publish(new ReturnReceived(Guid.NewGuid(), notification.OccurredAt, Snapshot(notification.Return)));

    public Task Handle(DomainEvents.ReturnCompleted notification, CancellationToken cancellationToken)
    {
        var rma = notification.Return;
        return Publish(new ReturnCompleted(Guid.NewGuid(), notification.OccurredAt, Snapshot(rma), rma.RefundAmount, rma.StoreCreditAmount, rma.ExchangeOrderNumber));
    }

    public Task Handle(DomainEvents.ReturnExpiring notification, CancellationToken cancellationToken) =>
        Publish(new ReturnExpiring(Guid.NewGuid(), notification.OccurredAt, Snapshot(notification.Return)));

    public Task Handle(DomainEvents.ReturnExpired notification, CancellationToken cancellationToken) =>
        Publish(new ReturnExpired(Guid.NewGuid(), notification.OccurredAt, Snapshot(notification.Return)));

    private Task Publish(IIntegrationEvent integrationEvent)
    {
        db.Publish(integrationEvent);
        return Task.CompletedTask;
    }

    /// <summary>The return as it is when the change is saved, which is right after the transition that raised the event.</summary>
    private static ReturnSnapshot Snapshot(ReturnRequest rma) => rma.ToSnapshot();
}
