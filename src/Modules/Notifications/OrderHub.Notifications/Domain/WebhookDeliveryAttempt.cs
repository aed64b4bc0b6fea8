namespace OrderHub.Notifications.Domain;

/// <summary>One POST of a webhook delivery and what the receiver answered.</summary>
internal sealed class WebhookDeliveryAttempt
{
    private WebhookDeliveryAttempt()
    {
    }

    public WebhookDeliveryAttempt(Guid deliveryId, int number, DateTime attemptedAt, int? responseCode, string? error, int durationMs)
    {
        DeliveryId = deliveryId;
        Number = number;
        AttemptedAt = attemptedAt;
        ResponseCode = responseCode;
        Error = error is { Length: > OutgoingMessage.MaxErrorLength } ? error[..OutgoingMessage.MaxErrorLength] : error;
        DurationMs = durationMs;
    }

    public Guid DeliveryId { get; private set; }

    public int Number { get; private set; }

    public DateTime AttemptedAt { get; private set; }

    public int? ResponseCode { get; private set; }

    public string? Error { get; private set; }

    public int DurationMs { get; private set; }
}
