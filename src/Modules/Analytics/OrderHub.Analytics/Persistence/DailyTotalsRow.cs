namespace OrderHub.Analytics.Persistence;

/// <summary>
/// Counters per day and storefront behind the summary. Deliveries count on their delivery day; a return and
/// everything that later becomes of it (money, dispositions) on the day it was requested.
/// </summary>
internal sealed class DailyTotalsRow
{
    public DateOnly Day { get; private set; }

    public string Storefront { get; private set; } = string.Empty;

    public long OrdersDelivered { get; private set; }

    public long UnitsSold { get; private set; }

    public long UnitsReturned { get; private set; }

    public long RefundCents { get; private set; }

    public long StoreCreditCents { get; private set; }

    public long RefundReturns { get; private set; }

    public long StoreCreditReturns { get; private set; }

    public long ExchangeReturns { get; private set; }

    public long KeepItReturns { get; private set; }

    public long RestockUnits { get; private set; }

    public long RefurbishUnits { get; private set; }

    public long DisposeUnits { get; private set; }

    public long ReturnToVendorUnits { get; private set; }
}
