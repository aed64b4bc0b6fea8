namespace OrderHub.Analytics.Persistence;

/// <summary>A customer's deliveries and returns per day and storefront.</summary>
internal sealed class CustomerCounterRow
{
    public DateOnly Day { get; private set; }

    public string Storefront { get; private set; } = string.Empty;

    public string CustomerEmail { get; private set; } = string.Empty;

    public long OrdersDelivered { get; private set; }

    public long UnitsSold { get; private set; }

    public long Returns { get; private set; }

    public long UnitsReturned { get; private set; }
}
