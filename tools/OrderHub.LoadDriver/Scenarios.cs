using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace OrderHub.LoadDriver;

/// <summary>
/// One scenario's figures: <see cref="Total"/> over all its requests; for the return flow also each step and
/// the delay until a restocked unit is visible to another client.
/// </summary>
internal sealed record ScenarioResult(
    string Name,
    string Description,
    int Clients,
    double Seconds,
    LatencySummary Total,
    IReadOnlyList<LatencySummary> Steps,
    LatencySummary? Visibility,
    double? FlowsPerSecond,
    int? VisibleOnFirstRead,
    ResourceUsage Resources,
    EventBacklogSummary? Events = null,
    StockCheck? Stock = null,
    DeliveredCost? Delivered = null);

/// <summary>
/// The app's and the database's CPU per request from the scenario's start until its events were delivered: what a
/// request costs with its event delivery, whether that delivery fell inside the timed window or after it.
/// </summary>
internal sealed record DeliveredCost(double AppCpuMsPerRequest, double DbCpuMsPerRequest)
{
    public static DeliveredCost? After(ResourceSampler sampler, EventBacklogSummary? events, int requests, bool withDb)
    {
        if (events is not { Drained: true } || requests == 0)
        {
            return null;
        }

        var (app, db) = sampler.CpuSinceStart();
        return new DeliveredCost(Math.Round(1000 * app / requests, 3), withDb ? Math.Round(1000 * db / requests, 3) : 0);
    }
}

/// <summary>The hot SKU after its scenario: orders created, units their reservations added, on hand, and whether they agree.</summary>
internal sealed record StockCheck(int OrdersCreated, int ReservedAdded, int OnHand, bool Consistent);

internal sealed class Scenarios(Api api, Api observer, DriverOptions options, ResourceSampler sampler, EventBacklog? backlog)
{
    public const int IntakeClients = 32;
    public const int HotSkuClients = 64;
    public const int StockReadClients = 64;
    public const int ReturnClients = 16;

    /// <summary>The return flow also runs with one client alone (its own orders and SKU, seeded after the 16 clients' ones).</summary>
    public const int SingleReturnClient = ReturnClients;
    private const int LinesPerOrder = 3;
    private const int Customers = 1000;
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Each of the 3 lines draws its SKU from a group of its own (line g from the g-th third of the intake SKUs), as
    /// build/bench/order-intake-ceiling.sql does, so the app and the hand-written SQL contend for the same rows.
    /// </summary>
    public Task<ScenarioResult> OrderIntakeAsync(SeedData seed)
    {
        var group = seed.IntakeSkus.Count / LinesPerOrder;
        return TimedAsync("order-intake", $"POST /api/v1/orders, {LinesPerOrder} lines, line g on a random SKU of group g ({LinesPerOrder} groups of {group} SKUs)", IntakeClients, (_, random) =>
        {
            var skus = Enumerable.Range(0, LinesPerOrder).Select(g => seed.IntakeSkus[(g * group) + random.Next(group)]);
            return api.PostAsync("/api/v1/orders", Requests.Order(Customer(random), skus), HttpStatusCode.Created);
        });
    }

    /// <summary>
    /// Runs the hand-written SQL of an order placement (build/bench.sh passes a pgbench command) and samples the
    /// resources meanwhile; pgbench's own output goes to <see cref="DriverOptions.CeilingOutput"/>.
    /// </summary>
    public async Task<ResourceUsage?> CeilingAsync()
    {
        if (options.CeilingCommand is null)
        {
            return null;
        }

        var start = new ProcessStartInfo("/bin/sh", ["-c", options.CeilingCommand]) { RedirectStandardOutput = true, RedirectStandardError = true };
        sampler.Start(scenarioWindow: false);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the ceiling command.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var resources = await sampler.StopAsync();
        await File.WriteAllTextAsync(options.CeilingOutput, await output + await errors);
        var tps = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("tps", StringComparison.Ordinal)) ?? "no tps";
        Console.WriteLine($"  order SQL ceiling (pgbench, {IntakeClients} clients): {tps.Trim()}  CPU db {resources.DbCpuPercent:0}% other {resources.OtherCpuPercent:0}%");
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The ceiling command failed ({process.ExitCode}): {await errors}");
        }

        return resources;
    }

    /// <summary>
    /// 64 clients order the same SKU; afterwards its figures must show every created order's unit reserved, no
    /// more, and never more reserved than on hand (no oversell, no lost update).
    /// </summary>
    public async Task<ScenarioResult> HotSkuAsync(SeedData seed)
    {
        var before = await StockAsync(seed.HotSku);
        var created = 0;
        var result = await TimedAsync("hot-sku", $"POST /api/v1/orders, 1 line, every order on {seed.HotSku}", HotSkuClients, async (_, random) =>
        {
            var outcome = await api.PostAsync("/api/v1/orders", Requests.Order(Customer(random), [seed.HotSku]), HttpStatusCode.Created);
            if (outcome.Ok)
            {
                Interlocked.Increment(ref created);
            }

            return outcome;
        });
        var after = await StockAsync(seed.HotSku);
        var reserved = after.Reserved - before.Reserved;
        var consistent = reserved == created && after.Reserved <= after.OnHand && after.OnHand == before.OnHand;
        Console.WriteLine($"    {seed.HotSku}: {created} orders created, reserved {before.Reserved} → {after.Reserved} of {after.OnHand} on hand: {(consistent ? "consistent" : "INCONSISTENT")}");
        return result with { Stock = new StockCheck(created, reserved, after.OnHand, consistent) };
    }

    public Task<ScenarioResult> StockReadsAsync(SeedData seed) =>
        TimedAsync("stock-reads", $"GET /api/v1/inventory/{{sku}}, random SKU of {seed.IntakeSkus.Count}", StockReadClients, (_, random) =>
            api.GetAsync($"/api/v1/inventory/{seed.IntakeSkus[random.Next(seed.IntakeSkus.Count)]}"));

    /// <summary>
    /// Each client returns its delivered orders one after another: create (status Requested, the policy does not
    /// auto-approve), approve, dock receipt, inspection with Restock; then a second HTTP client polls the SKU until
    /// the unit counts as available. Each client's first <see cref="DriverOptions.WarmupRmas"/> RMAs warm up, unrecorded.
    /// </summary>
    public async Task<ScenarioResult> ReturnFlowAsync(SeedData seed, string name, int firstClient, int clients)
    {
        var available = new int[clients];
        for (var c = 0; c < clients; c++)
        {
            available[c] = await AvailableAsync(seed.ReturnSkus[firstClient + c]) ?? throw new InvalidOperationException($"Cannot read the stock of {seed.ReturnSkus[firstClient + c]}.");
        }

        string[] names = ["create", "approve", "receipt", "inspection"];
        var steps = Enumerable.Range(0, clients).Select(_ => names.Select(_ => new Latencies()).ToArray()).ToArray();
        var visibility = Enumerable.Range(0, clients).Select(_ => new Latencies()).ToArray();
        var completed = new int[clients];
        var firstRead = new int[clients];

        // One client's RMAs in turn; available[c] follows the units restocked on its SKU.
        async Task ClientAsync(int c, IEnumerable<ReturnableOrder> orders, bool recorded)
        {
            var stepRecorders = recorded ? steps[c] : names.Select(_ => new Latencies()).ToArray();
            var visibilityRecorder = recorded ? visibility[c] : new Latencies();
            foreach (var order in orders)
            {
                if (await ReturnOneAsync(order, stepRecorders) is not { } inspected)
                {
                    continue;
                }

                available[c]++;
                var reads = await VisibleAsync(seed.ReturnSkus[firstClient + c], available[c], inspected, visibilityRecorder);
                if (recorded)
                {
                    completed[c]++;
                    firstRead[c] += reads == 1 ? 1 : 0;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c, seed.ReturnOrders[firstClient + c].Take(options.WarmupRmas), recorded: false))));
        sampler.Start();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c, seed.ReturnOrders[firstClient + c].Skip(options.WarmupRmas), recorded: true))));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var resources = await sampler.StopAsync();

        var stepSummaries = names.Select((name, i) => Latencies.Merge(steps.Select(s => s[i])).Summarise(name, seconds)).ToList();
        var total = Latencies.Merge(steps.SelectMany(s => s)).Summarise("all steps", seconds);
        var events = backlog is null ? null : await backlog.DrainAsync();
        var result = new ScenarioResult(
            name,
            $"create → approve → receipt → inspection (Restock), {clients}×{seed.ReturnOrders[firstClient].Count - options.WarmupRmas} RMAs after {options.WarmupRmas} each to warm up; "
                + "visibility = inspection response → GET /inventory/{sku} shows the unit",
            clients,
            Math.Round(seconds, 2),
            total,
            stepSummaries,
            Latencies.Merge(visibility).Summarise("visibility", seconds),
            Math.Round(completed.Sum() / seconds, 1),
            firstRead.Sum(),
            resources,
            events,
            Delivered: DeliveredCost.After(sampler, events, total.Requests, resources.DbCpuPercent is not null));
        Print(result);
        return result;
    }

    /// <summary>The four steps of one RMA; the completion timestamp of the inspection, or null when a step failed.</summary>
    private async Task<long?> ReturnOneAsync(ReturnableOrder order, Latencies[] steps)
    {
        var created = await api.PostAsync("/api/v1/returns", Requests.Return(order.OrderId, order.OrderLineId), HttpStatusCode.Created, parse: true);
        steps[0].Record(created);
        if (!created.Ok)
        {
            return null;
        }

        var id = created.Body.GetProperty("id").GetGuid();
        var rma = created.Body.GetProperty("rmaNumber").GetString();
        var returnLineId = created.Body.GetProperty("lines")[0].GetProperty("id").GetGuid();

        var approved = await api.PostAsync($"/api/v1/returns/{id}/approve", null, HttpStatusCode.OK);
        steps[1].Record(approved);
        if (!approved.Ok)
        {
            return null;
        }

        var received = await api.PostAsync("/api/v1/returns/receipts", new { rmaNumber = rma }, HttpStatusCode.Created);
        steps[2].Record(received);
        if (!received.Ok)
        {
            return null;
        }

        var inspected = await api.PostAsync($"/api/v1/returns/{id}/inspection", Requests.Inspection(returnLineId), HttpStatusCode.OK);
        steps[3].Record(inspected);
        return inspected.Ok ? inspected.CompletedAt : null;
    }

    /// <summary>
    /// Polls the SKU from the other client until it shows <paramref name="expected"/> available units; how many
    /// reads that took (0 when it never did).
    /// </summary>
    private async Task<int> VisibleAsync(string sku, int expected, long inspectedAt, Latencies visibility)
    {
        for (var reads = 1; ; reads++)
        {
            var read = await observer.GetAsync($"/api/v1/inventory/{sku}", parse: true);
            if (read.Ok && read.Body.GetProperty("available").GetInt32() >= expected)
            {
                visibility.Add(Stopwatch.GetElapsedTime(inspectedAt, read.CompletedAt).TotalMilliseconds);
                return reads;
            }

            if (Stopwatch.GetElapsedTime(inspectedAt) > VisibilityTimeout)
            {
                visibility.Fail($"unit not available within {VisibilityTimeout.TotalSeconds} s");
                return 0;
            }
        }
    }

    private async Task<int?> AvailableAsync(string sku)
    {
        var read = await observer.GetAsync($"/api/v1/inventory/{sku}", parse: true);
        return read.Ok ? read.Body.GetProperty("available").GetInt32() : null;
    }

    private async Task<(int OnHand, int Reserved)> StockAsync(string sku)
    {
        var read = await observer.GetAsync($"/api/v1/inventory/{sku}", parse: true);
        return read.Ok
            ? (read.Body.GetProperty("onHand").GetInt32(), read.Body.GetProperty("reserved").GetInt32())
            : throw new InvalidOperationException($"Cannot read the stock of {sku}.");
    }

    private static string Customer(Random random) => $"buyer-{random.Next(Customers)}@bench.example";

    /// <summary>Warm up (not recorded), then run the clients in a closed loop for the configured duration.</summary>
    private async Task<ScenarioResult> TimedAsync(string name, string description, int clients, Func<int, Random, Task<Outcome>> request)
    {
        await LoopAsync(clients, options.Warmup, request, null);
        var recorders = Enumerable.Range(0, clients).Select(_ => new Latencies()).ToArray();
        sampler.Start();
        var started = Stopwatch.GetTimestamp();
        await LoopAsync(clients, options.Duration, request, recorders);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var resources = await sampler.StopAsync();
        var events = backlog is null ? null : await backlog.DrainAsync();
        var summary = Latencies.Merge(recorders).Summarise(name, seconds);
        var result = new ScenarioResult(name, description, clients, Math.Round(seconds, 2), summary, [], null, null, null, resources, events,
            Delivered: DeliveredCost.After(sampler, events, summary.Requests, resources.DbCpuPercent is not null));
        Print(result);
        return result;
    }

    private static Task LoopAsync(int clients, TimeSpan duration, Func<int, Random, Task<Outcome>> request, Latencies[]? recorders)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(7919 * (c + 1)); // reproducible request mixes per client
            while (Stopwatch.GetTimestamp() < end)
            {
                var outcome = await request(c, random);
                recorders?[c].Record(outcome);
            }
        })));
    }

    internal static void Print(ScenarioResult result)
    {
        var t = result.Total;
        var r = result.Resources;
        Console.WriteLine($"  {result.Name,-13} {t.RequestsPerSecond,9:0.0} req/s  p50 {t.P50,7:0.00}  p95 {t.P95,7:0.00}  p99 {t.P99,7:0.00} ms  errors {t.Errors}  "
            + $"app RSS {r.AppPeakRssMb:0} MB  CPU app {r.AppCpuPercent:0}% db {r.DbCpuPercent:0}% driver {r.DriverCpuPercent:0}% other {r.OtherCpuPercent:0}% machine {r.MachineBusyPercent:0}%");
        if (result.Events is { } events)
        {
            Console.WriteLine($"    events pending at the end {events.PendingAtEnd}, delivered {(events.Drained ? $"{events.DrainSeconds:0.0} s later" : "not within the timeout")}"
                + (result.Delivered is { } cost ? $"; CPU per request with its events delivered: app {cost.AppCpuMsPerRequest:0.00} ms, db {cost.DbCpuMsPerRequest:0.00} ms" : ""));
        }

        foreach (var step in result.Steps.Append(result.Visibility).OfType<LatencySummary>())
        {
            Console.WriteLine($"    {step.Name,-26} {step.Requests,6} ok  p50 {step.P50,7:0.00}  p90 {step.P90,7:0.00}  p95 {step.P95,7:0.00}  p99 {step.P99,7:0.00}  max {step.Max,8:0.00} ms  errors {step.Errors}");
        }

        foreach (var (kind, count) in t.ErrorKinds.Concat(result.Visibility?.ErrorKinds ?? new Dictionary<string, int>()).Take(5))
        {
            Console.WriteLine($"    error ×{count}: {kind}");
        }
    }

    /// <summary>JSON the report script reads.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
