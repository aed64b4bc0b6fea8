namespace OrderHub.Notifications.Domain;

/// <summary>
/// One event for one subscription. Its id is the <c>X-OrderHub-Delivery</c> header, the same on every retry,
/// and its payload is stored as the exact body that is signed and sent.
/// </summary>
internal sealed class WebhookDelivery : OutgoingMessage
{
    private readonly List<WebhookDeliveryAttempt> _attemptLog = [];

    private WebhookDelivery()
    {
    }

    public Guid SubscriptionId { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    public int? LastResponseCode { get; private set; }

    public IReadOnlyList<WebhookDeliveryAttempt> AttemptLog => _attemptLog;

    public static WebhookDelivery Create(Guid subscriptionId, Guid eventId, string eventType, string payload, DateTime now, RetrySchedule schedule)
    {
        var delivery = new WebhookDelivery
        {
            SubscriptionId = subscriptionId,
            EventId = eventId,
            EventType = eventType,
            Payload = payload,
        };
        delivery.Start(now, schedule);
        return delivery;
    }

    /// <summary>Records a POST to the receiver: any 2xx answer delivers; anything else is retried.</summary>
    public void RecordResponse(int? responseCode, string? error, TimeSpan duration, DateTime now, RetrySchedule schedule)
    {
        LastResponseCode = responseCode;
        var delivered = error is null && responseCode is >= 200 and < 300;
        _attemptLog.Add(new WebhookDeliveryAttempt(Id, Attempts + 1, now, responseCode, error, (int)Math.Min(int.MaxValue, duration.TotalMilliseconds)));
        RecordAttempt(delivered ? null : error ?? $"The receiver answered HTTP {responseCode}.", now, schedule);
    }
}
