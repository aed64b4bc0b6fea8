using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;
using OrderHub.Notifications.Sending;

namespace OrderHub.Notifications.RedeliverWebhook;

/// <summary>
/// Sends a delivery again, whatever its status, with a fresh retry window. It keeps its X-OrderHub-Delivery
/// id: it is the same delivery, so a receiver that already processed it can recognise it.
/// </summary>
internal sealed class RedeliverWebhookCommandHandler(NotificationsDbContext db, UnitOfWork unitOfWork, DeliverySignal<WebhookDelivery> signal, WebhookOptions schedule, TimeProvider clock)
    : IRequestHandler<RedeliverWebhookCommand, WebhookDeliveryDto>
{
    public async Task<WebhookDeliveryDto> Handle(RedeliverWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadSubscriptionAsync(command.SubscriptionId, cancellationToken);
        if (!subscription.Active)
        {
            throw new ConflictException("The subscription is deactivated; nothing is delivered to it any more.", "subscription-inactive");
        }

        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == command.DeliveryId && d.SubscriptionId == command.SubscriptionId, cancellationToken)
            ?? throw new NotFoundException("Webhook delivery", command.DeliveryId);
        delivery.Resend(clock.GetUtcNow().UtcDateTime, schedule);
        await db.SaveChangesAsync(cancellationToken);
        unitOfWork.OnCommitted(signal.Nudge);
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Id == delivery.Id)
            .Select(WebhookMapping.DeliveryProjection)
            .SingleAsync(cancellationToken);
    }
}
