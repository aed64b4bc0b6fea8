namespace OrderHub.IntegrationTests.Returns;

/// <summary>
/// The application's clock, which a test moves forward. It keeps running at real speed from wherever it was
/// moved to, so background work that waits on the clock still makes progress. It never goes back: Quartz
/// schedules its triggers on the same clock, and a step back would leave the next firing days ahead. Tests
/// therefore take every instant relative to <see cref="UtcNow"/>, never to the real time.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    /// <summary>Makes the clock read <paramref name="instant"/> now.</summary>
    public void MoveTo(DateTime instant)
    {
        var step = DateTime.SpecifyKind(instant, DateTimeKind.Utc) - UtcNow;
        if (step < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The clock only moves forward; it already reads {UtcNow:O}.");
        }

        Advance(step);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
