using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.DeactivateWebhook;

/// <summary>Stops a subscription: no new deliveries, and those still pending are abandoned. Its delivery log stays.</summary>
internal sealed class DeactivateWebhookCommandHandler(NotificationsDbContext db, UnitOfWork unitOfWork, ActiveSubscriptionsCache subscriptions, TimeProvider clock)
    : IRequestHandler<DeactivateWebhookCommand, bool>
{
    public async Task<bool> Handle(DeactivateWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadSubscriptionAsync(command.Id, cancellationToken);
        subscription.Deactivate(clock.GetUtcNow().UtcDateTime);
        subscriptions.DropWhenEnded(unitOfWork);
        var pending = await db.WebhookDeliveries
            .Where(d => d.SubscriptionId == command.Id && d.Status == DeliveryStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var delivery in pending)
        {
            delivery.Abandon("The subscription was deactivated.");
        }

        return true;
    }
}
