namespace OrderHub.Analytics.Persistence;

/// <summary>
/// How many returns requested in a month (<see cref="Month"/> is its first day) and storefront took exactly
/// <see cref="Centihours"/> hundredths of an hour (as the route rounds) through a stage: read only within the hours
/// the coarse histogram picked.
/// </summary>
internal sealed class StageDurationMonthCounterRow
{
    public string Stage { get; private set; } = string.Empty;

    public long Centihours { get; private set; }

    public DateOnly Month { get; private set; }

    public string Storefront { get; private set; } = string.Empty;

    public long Returns { get; private set; }
}
