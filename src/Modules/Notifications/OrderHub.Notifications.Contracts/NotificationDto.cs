namespace OrderHub.Notifications.Contracts;

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
