using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderHub.Analytics;
using OrderHub.Analytics.Persistence;
using OrderHub.AnalyticsSeeder;
using OrderHub.Returns.Contracts;

// Fills the Analytics read model of a PostgreSQL database whose schema the app's migrations created with a
// generated history (by default a million delivered order lines over 365 days and 150,000 returns), for
// build/bench.sh --only analytics. The rows are what the event consumers would have written for that history:
// every fact goes through the module's own ReadModelWriter, the same path as the consumers and the rebuild,
// and the resulting facts and counters are bulk-loaded with binary COPY instead of one upsert per event.
SeedOptions options;
try
{
    options = SeedOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("usage: OrderHub.AnalyticsSeeder --db CONNECTION-STRING [--order-lines N] [--returns N] [--days N] [--skus N] "
        + "[--customers N] [--random-seed N] [--expected FILE]");
    return 2;
}

var started = Stopwatch.GetTimestamp();
var now = DateTime.UtcNow;
var history = History.Generate(options, now);
Console.WriteLine($"  generated {history.Orders.Count:N0} orders ({history.Orders.Sum(o => o.Lines.Count):N0} lines), "
    + $"{history.Returns.Count:N0} returns in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

var contextOptions = new DbContextOptionsBuilder<AnalyticsDbContext>()
    .UseNpgsql(options.Database, o => o.MigrationsHistoryTable("__migrations", "analytics"))
    .Options;
await using var db = new AnalyticsDbContext(contextOptions);
var loader = new BulkLoader(db);

var counting = Stopwatch.GetTimestamp();
var orderFacts = new Dictionary<Guid, OrderFactRow>(history.Orders.Count);
var returnFacts = new List<ReturnFactRow>(history.Returns.Count);
var deltas = new CounterDeltas();
// The writer asks the mediator only for categories; the catalogue here is the history's own.
var writer = new ReadModelWriter(db, null!);
foreach (var chunk in history.Orders.Chunk(10_000))
{
    foreach (var order in chunk)
    {
        orderFacts[order.OrderId] = writer.CountDelivery(order, history.Categories, deltas);
    }

    db.ChangeTracker.Clear();
}

// In the order of the rebuild (RebuildReadModelCommandHandler), which arrives at the consumers' counters.
foreach (var chunk in history.Returns.Chunk(10_000))
{
    foreach (var fact in chunk)
    {
        var rma = fact.Return;
        var row = writer.StartReturn(rma, rma.RequestedAt!.Value, orderFacts.GetValueOrDefault(rma.OrderId), history.Categories, deltas);
        ReadModelWriter.Stamp(row, rma);
        if (rma.Status is ReturnStatus.Rejected or ReturnStatus.Cancelled or ReturnStatus.Expired)
        {
            writer.Withdraw(row, deltas);
        }

        if (fact.Settled)
        {
            writer.Settle(row, rma, fact.RefundAmount, fact.StoreCreditAmount, rma.CompletedAt!.Value, deltas);
        }

        ReadModelWriter.CountStageTimes(row, new Dictionary<string, long>(), deltas);
        returnFacts.Add(row);
    }

    db.ChangeTracker.Clear();
}

Console.WriteLine($"  counted through the read-model writer in {Stopwatch.GetElapsedTime(counting).TotalSeconds:0.0} s");

var loading = Stopwatch.GetTimestamp();
var rows = await loader.LoadAsync(orderFacts.Values, returnFacts, deltas);
Console.WriteLine($"  loaded {string.Join(", ", rows.Select(r => $"{r.Value:N0} {r.Key}"))} in {Stopwatch.GetElapsedTime(loading).TotalSeconds:0.0} s");

var analysing = Stopwatch.GetTimestamp();
await loader.VacuumAnalyzeAsync();
Console.WriteLine($"  VACUUM ANALYZE in {Stopwatch.GetElapsedTime(analysing).TotalSeconds:0.0} s");

var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
Console.WriteLine($"  seeded in {seconds:0.0} s");
if (options.Expected is { } path)
{
    var expected = Expected.Of(history, DateOnly.FromDateTime(now), [90, options.Days], Math.Round(seconds, 1), rows);
    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(expected, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
}

return 0;
