namespace OrderHub.Analytics.Persistence;

/// <summary>The same counters as <see cref="ReasonCounterRow"/>, per calendar month (<see cref="Month"/> is its first day).</summary>
internal sealed class ReasonMonthCounterRow
{
    public string Dimension { get; private set; } = string.Empty;

    public DateOnly Month { get; private set; }

    public string Storefront { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public long Units { get; private set; }
}
