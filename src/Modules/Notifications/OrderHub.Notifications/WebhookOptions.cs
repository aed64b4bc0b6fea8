namespace OrderHub.Notifications;

/// <summary>Bound from <c>OrderHub:Webhooks</c>: the retry schedule, the per-request timeout and how many receivers are sent to at once.</summary>
internal sealed class WebhookOptions : RetrySchedule
{
    public const string SectionName = "OrderHub:Webhooks";

    public const string HttpClientName = "webhooks";

    public override TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one POST may take before it counts as a failed attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many subscriptions one node delivers to at the same time; each subscription's deliveries still go out one
    /// after another, so a slow receiver holds up only itself.
    /// </summary>
    public int MaxConcurrentSubscriptions { get; set; } = 8;

    /// <summary>
    /// Lets subscriptions and deliveries reach loopback, private, link-local and other non-public addresses; for
    /// development and tests whose receivers run on the same machine, never for a shop's server.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long resolving a receiver's host name may take when a subscription is created.</summary>
    public TimeSpan ResolveTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
