namespace OrderHub.LoadDriver;

/// <summary>
/// Every latency sample of one kind of request (kept whole, not bucketed: a run has at most a few hundred
/// thousand) and its failures by kind. One recorder per client, merged at the end, so recording takes no lock.
/// </summary>
internal sealed class Latencies
{
    private readonly List<double> samples = [];
    private readonly Dictionary<string, int> errors = new(StringComparer.Ordinal);

    public int Count => samples.Count;

    public void Record(in Outcome outcome)
    {
        if (outcome.Ok)
        {
            samples.Add(outcome.Milliseconds);
        }
        else
        {
            Fail(outcome.Kind);
        }
    }

    public void Add(double milliseconds) => samples.Add(milliseconds);

    public void Fail(string kind)
    {
        // Keep the kinds few: the status line and the start of the problem's title.
        var key = kind.Length > 160 ? kind[..160] : kind;
        errors[key] = errors.GetValueOrDefault(key) + 1;
    }

    public static Latencies Merge(IEnumerable<Latencies> parts)
    {
        var merged = new Latencies();
        foreach (var part in parts)
        {
            merged.samples.AddRange(part.samples);
            foreach (var (kind, count) in part.errors)
            {
                merged.errors[kind] = merged.errors.GetValueOrDefault(kind) + count;
            }
        }

        return merged;
    }

    public LatencySummary Summarise(string name, double seconds)
    {
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        var errorCount = errors.Values.Sum();
        return new LatencySummary(
            name,
            sorted.Length,
            errorCount,
            seconds > 0 ? Math.Round((sorted.Length + errorCount) / seconds, 1) : 0,
            Percentile(sorted, 50),
            Percentile(sorted, 90),
            Percentile(sorted, 95),
            Percentile(sorted, 99),
            sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 2),
            sorted.Length == 0 ? 0 : Math.Round(sorted.Average(), 2),
            new Dictionary<string, int>(errors, StringComparer.Ordinal));
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    private static double Percentile(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 2);
    }
}

/// <summary>Counts, request rate (successes and failures over the measured seconds) and latency percentiles in milliseconds.</summary>
internal sealed record LatencySummary(
    string Name,
    int Requests,
    int Errors,
    double RequestsPerSecond,
    double P50,
    double P90,
    double P95,
    double P99,
    double Max,
    double Mean,
    IReadOnlyDictionary<string, int> ErrorKinds);
