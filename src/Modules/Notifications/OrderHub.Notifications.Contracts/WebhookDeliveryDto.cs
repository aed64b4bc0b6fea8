namespace OrderHub.Notifications.Contracts;

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
