using OrderHub.BuildingBlocks.Scheduling;
using OrderHub.Notifications.Domain;
using Quartz;

namespace OrderHub.Notifications.Sending;

/// <summary>
/// Quartz job that wakes the email and webhook senders of the node it runs on, for retries and for messages
/// whose nudge was missed. It only nudges, so neither sender's pace holds up the other or the next firing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class NotificationSendingJob(DeliverySignal<Notification> emails, DeliverySignal<WebhookDelivery> webhooks) : IRecurringJob
{
    public static JobKey Key { get; } = new("notification-sending", "notifications");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        emails.Nudge();
        webhooks.Nudge();
        return ValueTask.CompletedTask;
    }
}
