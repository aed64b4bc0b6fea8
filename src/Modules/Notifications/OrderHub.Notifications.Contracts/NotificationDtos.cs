namespace OrderHub.Notifications.Contracts;

/// <summary>How a message reaches its recipient.</summary>
public enum NotificationChannel
{
    Email,
}

/// <summary><c>Pending</c> until sent (retried with backoff), <c>Sent</c> once accepted, <c>Dead</c> when the retry window ran out.</summary>
public enum DeliveryStatus
{
    Pending,
    Sent,
    Dead,
}

/// <summary>
/// One message to a customer, as recorded in the notification log. <c>template</c> names the message (e.g.
/// <c>order.confirmed</c>), <c>locale</c> the language it was written in (<c>en</c>, <c>fr</c>, <c>pl</c>, <c>zh</c>);
/// <c>nextAttemptAt</c> is set only while it waits for a retry.
/// </summary>
public sealed record NotificationDto(
    Guid Id,
    NotificationChannel Channel,
    string Template,
    string Locale,
    DeliveryStatus Status,
    int Attempts,
    string Recipient,
    string Subject,
    Guid? OrderId,
    string? OrderNumber,
    Guid? ReturnId,
    string? RmaNumber,
    DateTime CreatedAt,
    DateTime? SentAt,
    DateTime? NextAttemptAt,
    string? LastError);

/// <summary>A webhook subscription; the secret is never shown again.</summary>
public sealed record WebhookSubscriptionDto(Guid Id, string Url, IReadOnlyList<string> Events, bool Active, DateTime CreatedAt, DateTime? DeactivatedAt);

/// <summary>One try to deliver a webhook; <c>responseCode</c> is null when no answer came (timeout, refused connection).</summary>
public sealed record WebhookDeliveryAttemptDto(int Number, DateTime AttemptedAt, int? ResponseCode, string? Error, int DurationMs);

/// <summary>
/// One event for one subscription, with every attempt. <c>id</c> is the <c>X-OrderHub-Delivery</c> header;
/// <c>eventId</c> is the <c>id</c> of the body, the same for every subscription; <c>nextAttemptAt</c> is the next
/// retry, null once delivered or dead.
/// </summary>
public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid SubscriptionId,
    Guid EventId,
    string EventType,
    DeliveryStatus Status,
    int Attempts,
    int? LastResponseCode,
    string? LastError,
    DateTime CreatedAt,
    DateTime? DeliveredAt,
    DateTime? NextAttemptAt,
    IReadOnlyList<WebhookDeliveryAttemptDto> AttemptLog);

/// <summary>A new webhook subscription.</summary>
/// <param name="Url">Absolute http or https URL that receives a POST per event.</param>
/// <param name="Events">Event names from the API contract, e.g. <c>order.confirmed</c>.</param>
/// <param name="Secret">Shared secret (16 to 200 characters) for the <c>X-OrderHub-Signature</c> HMAC-SHA256.</param>
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Secret);
