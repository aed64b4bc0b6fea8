namespace OrderHub.Analytics.Persistence;

/// <summary>
/// The same counters as <see cref="DimensionCounterRow"/>, per calendar month (<see cref="Month"/> is its first day):
/// a window reads these for its whole months and day rows only for the part-months at its edges.
/// </summary>
internal sealed class DimensionMonthCounterRow
{
    public string Dimension { get; private set; } = string.Empty;

    public DateOnly Month { get; private set; }

    public string Storefront { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    public long UnitsSold { get; private set; }

    public long UnitsReturned { get; private set; }
}
