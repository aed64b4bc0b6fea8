namespace OrderHub.Notifications;

/// <summary>Exponential backoff for a channel: doubles from the first delay up to the cap, and gives up after the window.</summary>
internal abstract class RetrySchedule
{
    public abstract TimeSpan FirstRetryDelay { get; set; }

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts continue at least this long after a message was created (or redelivered); then it is dead.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan DelayAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
    }
}

/// <summary>Bound from <c>OrderHub:Notifications</c>: the sender's pace and the email retry schedule.</summary>
internal sealed class NotificationOptions : RetrySchedule
{
    public const string SectionName = "OrderHub:Notifications";

    public override TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the sender looks for due emails and webhook deliveries besides the nudge after each event.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one sender owns a claimed message; longer than any SMTP or HTTP timeout.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>How long the link to a return's page in a customer email keeps working.</summary>
    public TimeSpan ReturnLinkLifetime { get; set; } = TimeSpan.FromDays(60);
}

/// <summary>Bound from <c>OrderHub:Smtp</c>. Without a host, emails are recorded and wait until one is configured.</summary>
internal sealed class SmtpOptions
{
    public const string SectionName = "OrderHub:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string From { get; set; } = "OrderHub <no-reply@orderhub.local>";

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS before authenticating and sending.</summary>
    public bool EnableTls { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Bound from <c>OrderHub:Webhooks</c>: the retry schedule and the per-request timeout.</summary>
internal sealed class WebhookOptions : RetrySchedule
{
    public const string SectionName = "OrderHub:Webhooks";

    public const string HttpClientName = "webhooks";

    public override TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Lets subscriptions and deliveries reach loopback, private, link-local and other non-public addresses; for
    /// development and tests whose receivers run on the same machine, never for a shop's server.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long resolving a receiver's host name may take when a subscription is created.</summary>
    public TimeSpan ResolveTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
