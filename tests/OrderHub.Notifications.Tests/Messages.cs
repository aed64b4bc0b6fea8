using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Tests;

/// <summary>Messages as the consumers write them, at a fixed instant, with a schedule whose numbers are easy to follow.</summary>
internal static class Messages
{
    public static readonly DateTime Created = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public static WebhookOptions Schedule() => new()
    {
        FirstRetryDelay = TimeSpan.FromSeconds(10),
        MaxRetryDelay = TimeSpan.FromMinutes(1),
        RetryFor = TimeSpan.FromHours(1),
    };

    public static WebhookDelivery Delivery(RetrySchedule? schedule = null) =>
        WebhookDelivery.Create(Guid.NewGuid(), Guid.NewGuid(), "order.confirmed", """{"id":"1"}""", Created, schedule ?? Schedule());

    /// <summary>
    /// What a sender's claim does: in production a conditional UPDATE sets the lease in the database, so the
    /// aggregate has no method for it; this sets the same column on the object.
    /// </summary>
    public static void LeaseUntil(this OutgoingMessage message, DateTime until) =>
        typeof(OutgoingMessage).GetProperty(nameof(OutgoingMessage.LockedUntil))!.SetValue(message, until);

    public static bool IsDueAt(this WebhookDelivery message, DateTime now) =>
        OutgoingMessage.DueAt<WebhookDelivery>(now).Compile()(message);
}
