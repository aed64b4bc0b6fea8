namespace OrderHub.Analytics.Persistence;

/// <summary>The same counters as <see cref="CustomerCounterRow"/>, per calendar month (<see cref="Month"/> is its first day).</summary>
internal sealed class CustomerMonthCounterRow
{
    public DateOnly Month { get; private set; }

    public string Storefront { get; private set; } = string.Empty;

    public string CustomerEmail { get; private set; } = string.Empty;

    public long OrdersDelivered { get; private set; }

    public long UnitsSold { get; private set; }

    public long Returns { get; private set; }

    public long UnitsReturned { get; private set; }
}
