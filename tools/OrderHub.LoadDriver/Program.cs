using System.Text.Json;
using OrderHub.LoadDriver;
using OrderHub.LoadDriver.Chaos;

// Seeds a fresh OrderHub through its API, then runs the benchmark scenarios one after another and writes
// their figures as JSON. build/bench.sh starts the app and the database, runs this, and renders the report.
// `chaos PHASE …` runs one phase of build/chaos.sh instead.
if (args.Length > 0 && args[0] == "chaos")
{
    return await ChaosProgram.RunAsync(args[1..]);
}

DriverOptions options;
try
{
    options = DriverOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("usage: OrderHub.LoadDriver --base-url URL --api-key KEY --app-pid PID[,PID...] [--db-pid PID] [--clk-tck N] "
        + "[--duration S] [--warmup S] [--rmas-per-client N] [--intake-skus N] [--out FILE] [--only intake,hot,reads,returns,analytics] [--db CONNECTION-STRING] [--analytics-requests N] [--analytics-expected FILE] [--quick]");
    return 2;
}

var startedAt = DateTimeOffset.UtcNow;
// Enough connections that no client ever waits for one: the app, not the pool, is measured.
using var api = new Api(options.BaseUrl, options.ApiKey, connections: 256);
using var observer = new Api(options.BaseUrl, options.ApiKey, connections: Scenarios.ReturnClients);
using var sampler = new ResourceSampler(options.AppPids, options.DbPid, options.ClockTicks, options.WindowFile);
using var backlog = options.Database is null ? null : new EventBacklog(options.Database);

// The API seed serves the write scenarios; the analytics scenario reads what tools/OrderHub.AnalyticsSeeder loaded.
SeedData? seed = null;
if (new[] { "intake", "hot", "reads", "returns" }.Any(options.Runs))
{
    Console.WriteLine($"seeding {options.IntakeSkus} intake SKUs, 1 hot SKU, {Scenarios.ReturnClients}×{options.RmasPerClient + options.WarmupRmas} "
        + $"and 1×{options.SingleClientRmas + options.WarmupRmas} delivered orders");
    var ordersPerClient = Enumerable.Repeat(options.RmasPerClient + options.WarmupRmas, Scenarios.ReturnClients).Append(options.SingleClientRmas + options.WarmupRmas).ToList();
    seed = await Seeder.SeedAsync(api, options.IntakeSkus, ordersPerClient);
    Console.WriteLine($"  seeded in {seed.Seconds} s");
    if (backlog is not null)
    {
        var seeded = await backlog.DrainAsync();
        Console.WriteLine($"  the seed's {seeded.PendingAtEnd} pending events delivered in {seeded.DrainSeconds} s");
    }
}

Console.WriteLine($"running scenarios ({options.Warmup.TotalSeconds} s warm-up + {options.Duration.TotalSeconds} s each; the return flow runs its RMAs once)");
var scenarios = new Scenarios(api, observer, options, sampler, backlog);
var results = new List<ScenarioResult>();
ResourceUsage? ceiling = null;
if (options.Runs("intake"))
{
    ceiling = await scenarios.CeilingAsync();
    results.Add(await scenarios.OrderIntakeAsync(seed!));
}

if (options.Runs("hot"))
{
    results.Add(await scenarios.HotSkuAsync(seed!));
}

if (options.Runs("reads"))
{
    results.Add(await scenarios.StockReadsAsync(seed!));
}

if (options.Runs("returns"))
{
    // 16 clients first: the single client then finds the return steps' code as a server that has been up for a while
    // has it, not compiled for the first time during its few warm-up RMAs.
    results.Add(await scenarios.ReturnFlowAsync(seed!, "return-flow", 0, Scenarios.ReturnClients));
    results.Add(await scenarios.ReturnFlowAsync(seed!, "return-flow-1", Scenarios.SingleReturnClient, 1));
}

if (options.Runs("analytics"))
{
    results.Add(await new AnalyticsScenario(api, options, sampler).RunAsync());
}

var report = new
{
    startedAt,
    finishedAt = DateTimeOffset.UtcNow,
    options.Quick,
    durationSeconds = options.Duration.TotalSeconds,
    warmupSeconds = options.Warmup.TotalSeconds,
    seed = seed is null ? null : new { intakeSkus = seed.IntakeSkus.Count, intakeGroups = 3, intakeStockPerSku = Seeder.IntakeStock, hotSkuStock = Seeder.HotStock, returnClients = Scenarios.ReturnClients, options.RmasPerClient, options.SingleClientRmas, options.WarmupRmas, seed.Seconds },
    scenarios = results,
    ceiling = ceiling is null ? null : new { output = Path.GetFileName(options.CeilingOutput), resources = ceiling },
};
await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(report, Scenarios.Json));
Console.WriteLine($"results written to {options.Output}");
return results.Sum(r => r.Total.Errors + (r.Visibility?.Errors ?? 0)) == 0 ? 0 : 1;
