namespace OrderHub.Notifications.Contracts;

/// <summary>One try to deliver a webhook; <c>responseCode</c> is null when no answer came (timeout, refused connection).</summary>
public sealed record WebhookDeliveryAttemptDto(int Number, DateTime AttemptedAt, int? ResponseCode, string? Error, int DurationMs);
