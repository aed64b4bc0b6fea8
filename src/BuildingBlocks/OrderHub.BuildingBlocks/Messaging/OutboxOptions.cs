namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>Bound from <c>OrderHub:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "OrderHub:Outbox";

    /// <summary>How often the retry job looks for messages that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay before the first retry; each further retry doubles it.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;

    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long a message never attempted is left to the immediate delivery of the node that committed it, which
    /// delivers each module's messages in commit order, before the retry job of any node takes it (that node died,
    /// or is far behind). A node's retry job never takes what its own immediate delivery holds.
    /// </summary>
    public TimeSpan ImmediateDeliveryGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the immediate delivery of a module lets signalled messages gather before it delivers them, unless a
    /// whole batch is waiting: under load more commits' messages then share one delivery transaction (ADR 0035).
    /// </summary>
    public TimeSpan GatherDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Max(0, attempts - 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay;
    }
}
