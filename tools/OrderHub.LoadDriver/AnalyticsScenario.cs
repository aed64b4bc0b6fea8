using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OrderHub.LoadDriver;

/// <summary>
/// The returns analytics routes on a database tools/OrderHub.AnalyticsSeeder filled: each route variant warmed up,
/// then sent one request at a time (the per-route figures), then all variants mixed by 8 clients at once. The
/// summary of the seeded windows is checked against the figures the seeder computed from its facts.
/// </summary>
internal sealed class AnalyticsScenario(Api api, DriverOptions options, ResourceSampler sampler)
{
    public const int ConcurrentClients = 8;
    private const string Storefront = "eu";
    private const string Csv = "text/csv";

    private sealed record Route(string Name, string Path, string? Accept = null);

    public async Task<ScenarioResult> RunAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = $"from={today.AddDays(-364):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var routes = Routes(year);
        var warmup = options.Quick ? 3 : 20;
        var requests = options.Quick ? 20 : options.AnalyticsRequests;

        var mismatches = await CheckAsync(today);
        Console.WriteLine($"analytics: {routes.Count} route variants, {warmup} warm-up + {requests} sequential requests each, then {ConcurrentClients} clients × {requests} mixed");
        sampler.Start();
        var started = Stopwatch.GetTimestamp();
        var steps = new List<LatencySummary>();
        var all = new List<Latencies>();
        foreach (var route in routes)
        {
            for (var i = 0; i < warmup; i++)
            {
                await SendAsync(route);
            }

            var latencies = new Latencies();
            var routeStarted = Stopwatch.GetTimestamp();
            for (var i = 0; i < requests; i++)
            {
                latencies.Record(await SendAsync(route));
            }

            steps.Add(latencies.Summarise(route.Name, Stopwatch.GetElapsedTime(routeStarted).TotalSeconds));
            all.Add(latencies);
        }

        var sequentialSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var mixed = Enumerable.Range(0, ConcurrentClients).Select(_ => new Latencies()).ToArray();
        var mixStarted = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, ConcurrentClients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < requests; i++)
            {
                mixed[c].Record(await SendAsync(routes[(c + i) % routes.Count]));
            }
        })));
        var mix = Latencies.Merge(mixed).Summarise($"{ConcurrentClients} clients, mixed", Stopwatch.GetElapsedTime(mixStarted).TotalSeconds);
        steps.Add(mix);
        var resources = await sampler.StopAsync();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var total = Latencies.Merge(all);
        foreach (var mismatch in mismatches)
        {
            total.Fail(mismatch);
        }

        var result = new ScenarioResult(
            "analytics",
            $"GET /api/v1/analytics/returns/*: {routes.Count} variants, {requests} sequential requests each after {warmup} to warm up, then {ConcurrentClients} clients mixing them",
            1,
            Math.Round(seconds, 2),
            total.Summarise("analytics, sequential", sequentialSeconds),
            steps,
            null,
            null,
            null,
            resources);
        Scenarios.Print(result);
        return result;
    }

    private Task<Outcome> SendAsync(Route route) => api.GetAsync(route.Path, accept: route.Accept);

    /// <summary>Every route with the default 90-day window, the 365-day one and one storefront, and the CSV forms.</summary>
    private static List<Route> Routes(string year)
    {
        const string Base = "/api/v1/analytics/returns";
        string[] dimensions = ["sku", "category", "reason", "segment", "storefront", "week"];
        return
        [
            new("summary 90d", $"{Base}/summary"),
            new("summary 365d", $"{Base}/summary?{year}"),
            new("summary 365d eu", $"{Base}/summary?{year}&storefront={Storefront}"),
            new("summary 365d csv", $"{Base}/summary?{year}", Csv),
            .. dimensions.Select(d => new Route($"by {d} 90d", $"{Base}/by?dimension={d}")),
            .. dimensions.Select(d => new Route($"by {d} 365d", $"{Base}/by?dimension={d}&{year}")),
            new("by sku 365d eu", $"{Base}/by?dimension=sku&{year}&storefront={Storefront}"),
            new("by sku 365d csv", $"{Base}/by?dimension=sku&{year}&pageSize=100", Csv),
            new("processing-times 90d", $"{Base}/processing-times"),
            new("processing-times 365d", $"{Base}/processing-times?{year}"),
            new("processing-times 365d eu", $"{Base}/processing-times?{year}&storefront={Storefront}"),
            new("processing-times 365d csv", $"{Base}/processing-times?{year}", Csv),
            new("customers 90d", $"{Base}/customers"),
            new("customers 365d", $"{Base}/customers?{year}"),
            new("customers 365d eu", $"{Base}/customers?{year}&storefront={Storefront}"),
            new("customers 365d csv", $"{Base}/customers?{year}&pageSize=100", Csv),
        ];
    }

    /// <summary>The summary of each window the seeder computed from its facts must match what the routes answer.</summary>
    private async Task<List<string>> CheckAsync(DateOnly today)
    {
        var problems = new List<string>();
        if (options.AnalyticsExpected is not { } path)
        {
            return problems;
        }

        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        foreach (var window in expected.RootElement.GetProperty("windows").EnumerateArray())
        {
            var from = window.GetProperty("from").GetString();
            var to = window.GetProperty("to").GetString();
            if (to != today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            {
                problems.Add($"the seed ends on {to}, not today ({today:yyyy-MM-dd}): seed again");
                continue;
            }

            var answer = await api.GetAsync($"/api/v1/analytics/returns/summary?from={from}&to={to}", parse: true);
            if (!answer.Ok)
            {
                problems.Add($"summary {from}..{to}: {answer.Kind}");
                continue;
            }

            foreach (var field in new[] { "ordersDelivered", "unitsSold", "unitsReturned", "refundTotal", "storeCreditTotal" })
            {
                var want = window.GetProperty(field).GetDecimal();
                var got = answer.Body.GetProperty(field).GetDecimal();
                if (want != got)
                {
                    problems.Add($"summary {from}..{to}: {field} is {got}, the seeded facts give {want}");
                }
            }

            Console.WriteLine($"  summary {from}..{to} checked against the seeded facts: {answer.Body.GetProperty("ordersDelivered")} orders, "
                + $"{answer.Body.GetProperty("unitsSold")} units sold, {answer.Body.GetProperty("unitsReturned")} returned");
        }

        foreach (var problem in problems)
        {
            Console.WriteLine($"  MISMATCH {problem}");
        }

        return problems;
    }
}
