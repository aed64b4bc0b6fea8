namespace OrderHub.BuildingBlocks.Demo;

/// <summary>
/// The process's clock, which the demo seed can turn back for the code it runs itself: inside
/// <see cref="Begin"/> (and only in that asynchronous flow) <see cref="GetUtcNow"/> answers the time the seed set,
/// so use cases stamp orders and returns on dates spread over past months; everywhere else, and once the seed
/// ends, it is the inner clock.
/// </summary>
public sealed class SeedingClock(TimeProvider inner) : TimeProvider
{
    private static readonly AsyncLocal<Setting?> Current = new();

    public override DateTimeOffset GetUtcNow() => Current.Value is { Active: true } setting ? setting.Now : inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary>The real time, whatever the seed set.</summary>
    public DateTimeOffset RealNow => inner.GetUtcNow();

    /// <summary>Starts seeding in the calling flow; dispose to return to the real time.</summary>
    public Session Begin() => new(this);

    /// <summary>The calling flow's seeding session: what it sets is what the flow's use cases read as now.</summary>
    public sealed class Session : IDisposable
    {
        private readonly Setting _setting;

        internal Session(SeedingClock clock)
        {
            _setting = new Setting { Now = clock.RealNow, Active = true };
            Current.Value = _setting;
        }

        public DateTimeOffset Now
        {
            get => _setting.Now;
            set => _setting.Now = value;
        }

        // Work started from the seeding flow (timers, queued callbacks) carries the setting along; switching it
        // off here, rather than only clearing the flow's slot, returns those to the real time as well.
        public void Dispose()
        {
            _setting.Active = false;
            Current.Value = null;
        }
    }

    private sealed class Setting
    {
        public DateTimeOffset Now { get; set; }

        public bool Active { get; set; }
    }
}
