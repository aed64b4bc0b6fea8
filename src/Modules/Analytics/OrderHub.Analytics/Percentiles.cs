namespace OrderHub.Analytics;

/// <summary>Nearest-rank percentiles: the smallest value with at least p percent of the values at or below it.</summary>
internal static class Percentiles
{
    /// <summary>The value at position ceil(p/100 × n) (1-based) of <paramref name="sorted"/>, which is sorted ascending and not empty.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, int percentile)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var rank = (int)Math.Ceiling(percentile * sorted.Count / 100m);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
