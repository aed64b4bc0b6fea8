using System.Diagnostics;
using System.Globalization;

namespace OrderHub.LoadDriver.Chaos;

/// <summary>
/// Order intake by keyed clients while build/chaos.sh breaks something under them (kills the app, restarts the
/// database): each client places orders one after another and retries every key that got no final answer,
/// with the same key and body, until it is created or the retry window closes. The script writes when the fault
/// began and ended (Unix milliseconds) to fault-start and fault-end in the signal directory.
/// </summary>
internal static class IntakeUnderFault
{
    public static async Task<PhaseReport> RunAsync(ChaosOptions options, string phase)
    {
        var clients = options.Int("clients", 16);
        var duration = options.Seconds("duration", 20);
        var retryFor = options.Seconds("retry-for", 60);
        var timeout = options.Seconds("request-timeout", 15);
        var signals = options.Text("signal-dir");
        var skus = Enumerable.Range(0, options.Int("skus", 30)).Select(i => $"BENCH-{i:D4}").ToList();
        var prefix = $"CHAOS-{phase}";

        using var api = new Api(options.BaseUrl, options.ApiKey, connections: clients * 2, timeout);
        using var backlog = new EventBacklog(options.Database, TimeSpan.FromSeconds(60));
        var report = new PhaseReport(phase);
        var tally = new ResponseTally();
        var placer = new OrderPlacer(api, tally);
        var orders = new System.Collections.Concurrent.ConcurrentQueue<KeyedOrder>();

        var started = Stopwatch.GetTimestamp();
        var loadEnds = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(7919 * (c + 1));
            while (DateTime.UtcNow < loadEnds)
            {
                var order = KeyedOrder.New(prefix, random, skus, 3);
                orders.Enqueue(order);
                await placer.PlaceAsync(order, DateTime.UtcNow + retryFor);
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        report.Figure("clients", clients);
        report.Figure("load seconds (until the last key settled)", Math.Round(seconds, 1));
        tally.Report(report);
        report.Figure("retries (same key, same body)", placer.Retries);
        report.Figure("requests timed out (no answer within " + timeout.TotalSeconds + " s)", tally.Timeouts);
        if (phase == "db-restart")
        {
            report.Expect(tally.Timeouts == 0, $"{tally.Timeouts} requests hung past the {timeout.TotalSeconds} s timeout");
        }

        var faultStart = ReadMilliseconds(signals, "fault-start");
        var faultEnd = ReadMilliseconds(signals, "fault-end");
        report.Expect(faultStart is not null && faultEnd is not null, "the script recorded no fault: nothing was tested");
        if (faultStart is { } begin && faultEnd is { } end)
        {
            report.Figure("outage (s)", Math.Round((end - begin) / 1000.0, 1));
            var firstAfter = tally.CreatedAt.Where(t => t >= end).DefaultIfEmpty(long.MaxValue).Min();
            var recovered = firstAfter != long.MaxValue;
            report.Figure("time to recover: fault over → first 201 (s)", recovered ? Math.Round((firstAfter - end) / 1000.0, 2) : "never");
            report.Expect(recovered, "no order was created after the fault ended: the app did not recover");
            report.Figure("201s during the outage", tally.CreatedAt.Count(t => t >= begin && t < end));
        }

        var all = orders.ToList();
        var unresolved = all.Where(o => !o.Created && o.Retryable).ToList();
        var refused = all.Where(o => !o.Created).Except(unresolved).ToList();
        report.Figure("keys retried at least once", all.Count(o => o.Attempts > 1));
        report.Expect(unresolved.Count == 0, $"{unresolved.Count} keys still without a 201 after retrying for {retryFor.TotalSeconds} s; last answers: {Answers(unresolved)}");
        report.Expect(refused.Count == 0, $"{refused.Count} valid orders refused with a final 4xx: {Answers(refused)}");

        await new Invariants(api, backlog).CheckAsync(report, all, prefix, TimeSpan.FromSeconds(60));
        return report;
    }

    /// <summary>The most common last answers of these keys, shortened.</summary>
    public static string Answers(IEnumerable<KeyedOrder> orders) =>
        string.Join(" | ", orders.GroupBy(o => $"{(o.LastStatus == 0 ? "no answer" : o.LastStatus.ToString(CultureInfo.InvariantCulture))} {Shorten(o.LastAnswer)}")
            .OrderByDescending(g => g.Count()).Take(3).Select(g => $"×{g.Count()} {g.Key}"));

    private static string Shorten(string? answer)
    {
        if (answer is null)
        {
            return "";
        }

        var title = answer.IndexOf("\"title\":", StringComparison.Ordinal);
        var text = title >= 0 ? answer[title..] : answer;
        return text.Length > 90 ? text[..90] : text;
    }

    private static long? ReadMilliseconds(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? long.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture) : null;
    }
}
