namespace OrderHub.Analytics.Persistence;

/// <summary>Units returned per reason within a dimension value, day and storefront: the top reasons of a row.</summary>
internal sealed class ReasonCounterRow
{
    public string Dimension { get; private set; } = string.Empty;

    public DateOnly Day { get; private set; }

    public string Storefront { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public long Units { get; private set; }
}
