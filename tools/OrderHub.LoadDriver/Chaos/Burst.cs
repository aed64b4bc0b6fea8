using System.Diagnostics;

namespace OrderHub.LoadDriver.Chaos;

/// <summary>
/// Many keyed POST /orders at once, each on its own connection; then every key that did not get a 201 is retried
/// with the same key and body until it does. The process must survive (the managed heap is capped at 256 MB)
/// and there must be exactly one order per key.
/// </summary>
internal static class Burst
{
    private const int RetryParallelism = 32;

    public static async Task<PhaseReport> RunAsync(ChaosOptions options)
    {
        var count = options.Int("requests", 2700);
        var retryFor = options.Seconds("retry-for", 60);
        var skus = Enumerable.Range(0, options.Int("skus", 30)).Select(i => $"BENCH-{i:D4}").ToList();
        var prefix = "CHAOS-burst";
        var report = new PhaseReport("burst");

        using var api = new Api(options.BaseUrl, options.ApiKey, connections: count + 16, options.Seconds("request-timeout", 60));
        using var backlog = new EventBacklog(options.Database, TimeSpan.FromSeconds(120));
        var tally = new ResponseTally();
        var placer = new OrderPlacer(api, tally);
        var random = new Random(104729);
        var orders = Enumerable.Range(0, count).Select(_ => KeyedOrder.New(prefix, random, skus, 3)).ToList();

        // Every request is built before the gate opens, so they leave together.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = Stopwatch.GetTimestamp();
        var first = orders.Select(async o =>
        {
            await gate.Task;
            await placer.AttemptAsync(o);
        }).ToList();
        gate.SetResult();
        await Task.WhenAll(first);
        var burstSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var firstCreated = orders.Count(o => o.Created);
        var firstAnswers = tally.Statuses();

        var deadline = DateTime.UtcNow + retryFor;
        var toRetry = orders.Where(o => !o.Created && o.Retryable).ToList();
        await Parallel.ForEachAsync(toRetry, new ParallelOptions { MaxDegreeOfParallelism = RetryParallelism }, async (o, ct) =>
        {
            await Task.Delay(100, ct);
            await placer.PlaceAsync(o, deadline);
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        report.Figure("concurrent keyed POST /orders", count);
        report.Figure("burst answered in (s)", Math.Round(burstSeconds, 1));
        report.Figure("burst answers", firstAnswers);
        report.Figure("201 in the burst", firstCreated);
        report.Figure("keys retried after the burst", toRetry.Count);
        report.Figure("until every key settled (s)", Math.Round(seconds, 1));
        tally.Report(report);
        report.Figure("retries (same key, same body)", placer.Retries);

        // build/chaos.sh watches the process and restarts it when it dies, so the retries can still settle every key.
        var died = File.Exists(Path.Combine(options.Text("signal-dir"), "app-died"));
        var alive = await api.GetAsync("/health/live");
        report.Figure("process survived the burst", !died);
        report.Expect(!died, "the app process died under the burst (restarted to settle the keys; see the app log)");
        report.Expect(alive.Ok, $"the app does not answer after the burst ({alive.Kind})");

        var unresolved = orders.Where(o => !o.Created && o.Retryable).ToList();
        var refused = orders.Where(o => !o.Created && !o.Retryable).ToList();
        report.Expect(unresolved.Count == 0, $"{unresolved.Count} keys still without a 201 after retrying for {retryFor.TotalSeconds} s; last answers: {IntakeUnderFault.Answers(unresolved)}");
        report.Expect(refused.Count == 0, $"{refused.Count} valid orders refused with a final 4xx: {IntakeUnderFault.Answers(refused)}");
        if (alive.Ok)
        {
            await new Invariants(api, backlog).CheckAsync(report, orders, prefix, TimeSpan.FromSeconds(120));
        }

        return report;
    }
}
