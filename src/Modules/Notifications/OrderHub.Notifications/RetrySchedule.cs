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
