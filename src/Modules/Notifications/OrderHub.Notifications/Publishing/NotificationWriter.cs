using System.Text.Json;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;
using OrderHub.Notifications.Sending;
using OrderHub.Notifications.Templates;

namespace OrderHub.Notifications.Publishing;

/// <summary>
/// Records the messages an event causes, in the consuming transaction: nothing is sent here. The senders
/// pick the rows up once the transaction has committed; the nudges make that immediate.
/// </summary>
internal sealed class NotificationWriter(
    NotificationsDbContext db,
    UnitOfWork unitOfWork,
    IntegrationEventSerializer serializer,
    NotificationOptions emailSchedule,
    WebhookOptions webhookSchedule,
    DeliverySignal<Notification> emailSignal,
    DeliverySignal<WebhookDelivery> webhookSignal,
    ActiveSubscriptionsCache subscriptionsCache,
    TimeProvider clock)
{
    public async Task WriteAsync(NotifiableEvent notifiable, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (notifiable.Email is { } email)
        {
            var language = EmailTemplates.LanguageFor(email.Locale);
            var content = EmailTemplates.Render(email.Template, language, new EmailModel(email.Name, email.Reference, email.Facts, email.Items));
            db.Notifications.Add(Notification.Email(notifiable.Webhook.Id, email.Template, language, email.Email, email.Name, content, email.Reference, now, emailSchedule));
            unitOfWork.OnCommitted(emailSignal.Nudge);
        }

        var webhook = notifiable.Webhook;
        var subscriptions = (await subscriptionsCache.GetAsync(db, cancellationToken))
            .Where(s => s.Wants(webhook.Type))
            .ToList();
        if (subscriptions.Count > 0)
        {
            // Serialised once: every subscription receives, and is signed over, the very same bytes.
            var payload = JsonSerializer.Serialize(webhook, serializer.Options);
            foreach (var subscription in subscriptions)
            {
                db.WebhookDeliveries.Add(WebhookDelivery.Create(subscription.Id, webhook.Id, webhook.Type, payload, now, webhookSchedule));
            }

            unitOfWork.OnCommitted(webhookSignal.Nudge);
        }
    }
}
