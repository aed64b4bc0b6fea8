namespace OrderHub.Analytics;

/// <summary>Units returned per unit sold, to four places; no rate where nothing was sold.</summary>
internal static class ReturnRates
{
    public static decimal? Of(long unitsReturned, long unitsSold) =>
        unitsSold == 0 ? null : decimal.Round((decimal)unitsReturned / unitsSold, 4, MidpointRounding.AwayFromZero);
}
