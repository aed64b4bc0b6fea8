namespace OrderHub.Analytics.Persistence;

/// <summary>Units sold and returned per dimension value, day and storefront.</summary>
internal sealed class DimensionCounterRow
{
    public string Dimension { get; private set; } = string.Empty;

    public DateOnly Day { get; private set; }

    public string Storefront { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    public long UnitsSold { get; private set; }

    public long UnitsReturned { get; private set; }
}
