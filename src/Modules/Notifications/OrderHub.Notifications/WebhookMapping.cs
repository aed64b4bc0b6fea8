using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications;

internal static class WebhookMapping
{
    public static WebhookSubscriptionDto ToDto(this WebhookSubscription subscription) =>
        new(subscription.Id, subscription.Url, subscription.EventList, subscription.Active, subscription.CreatedAt, subscription.DeactivatedAt);

    public static readonly Expression<Func<WebhookDelivery, WebhookDeliveryDto>> DeliveryProjection = d => new WebhookDeliveryDto(
        d.Id,
        d.SubscriptionId,
        d.EventId,
        d.EventType,
        d.Status,
        d.Attempts,
        d.LastResponseCode,
        d.LastError,
        d.CreatedAt,
        d.SentAt,
        d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null,
        d.AttemptLog.OrderBy(a => a.Number)
            .Select(a => new WebhookDeliveryAttemptDto(a.Number, a.AttemptedAt, a.ResponseCode, a.Error, a.DurationMs))
            .ToList());

    public static async Task<WebhookSubscription> LoadSubscriptionAsync(this NotificationsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException("Webhook subscription", id);
}
