namespace OrderHub.Notifications.Contracts;

/// <summary><c>Pending</c> until sent (retried with backoff), <c>Sent</c> once accepted, <c>Dead</c> when the retry window ran out.</summary>
public enum DeliveryStatus
{
    Pending,
    Sent,
    Dead,
}
