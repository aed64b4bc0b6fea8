namespace OrderHub.Notifications;

/// <summary>Bound from <c>OrderHub:Notifications</c>: the sender's pace and the email retry schedule.</summary>
internal sealed class NotificationOptions : RetrySchedule
{
    public const string SectionName = "OrderHub:Notifications";

    public override TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the senders look for due emails and webhook deliveries besides the nudge after each event.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one sender owns a claimed message; longer than any SMTP or HTTP timeout.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>How long the link to a return's page in a customer email keeps working.</summary>
    public TimeSpan ReturnLinkLifetime { get; set; } = TimeSpan.FromDays(60);
}
