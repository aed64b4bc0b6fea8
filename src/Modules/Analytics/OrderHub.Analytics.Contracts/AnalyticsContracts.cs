namespace OrderHub.Analytics.Contracts;

/// <summary>Anchor of the Analytics module's public surface: its HTTP records.</summary>
public static class AnalyticsContracts
{
    public const string ModuleName = "Analytics";

    public const string Schema = "analytics";

    /// <summary>The media type that asks an analytics route for its rows as RFC 4180 CSV instead of JSON.</summary>
    public const string CsvMediaType = "text/csv";
}
