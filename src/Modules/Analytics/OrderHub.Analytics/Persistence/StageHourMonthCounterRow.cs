namespace OrderHub.Analytics.Persistence;

/// <summary>
/// How many returns requested in a month (<see cref="Month"/> is its first day) and storefront took a whole number of
/// hours through a stage: the coarse histogram that finds which hour holds a percentile.
/// </summary>
internal sealed class StageHourMonthCounterRow
{
    public string Stage { get; private set; } = string.Empty;

    public DateOnly Month { get; private set; }

    public string Storefront { get; private set; } = string.Empty;

    public long Hour { get; private set; }

    public long Returns { get; private set; }
}
