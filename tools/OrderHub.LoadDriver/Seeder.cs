using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace OrderHub.LoadDriver;

/// <summary>A delivered order line a return-flow client will send back.</summary>
internal sealed record ReturnableOrder(Guid OrderId, Guid OrderLineId);

/// <summary>What the scenarios run against, created through the public API as a back office would.</summary>
internal sealed class SeedData
{
    public required IReadOnlyList<string> IntakeSkus { get; init; }

    public required string HotSku { get; init; }

    /// <summary>One SKU per return-flow client, so each client can tell its own restocked units apart.</summary>
    public required IReadOnlyList<string> ReturnSkus { get; init; }

    /// <summary>Per return-flow client, the delivered orders it returns one by one.</summary>
    public required IReadOnlyList<IReadOnlyList<ReturnableOrder>> ReturnOrders { get; init; }

    public double Seconds { get; init; }
}

internal static class Seeder
{
    public const int IntakeStock = 1_000_000;
    public const int HotStock = 1_000_000;
    private const int ReturnStock = 100_000;
    private const int Parallelism = 8;

    /// <summary>Seeds the stock and, per return-flow client, as many delivered orders as <paramref name="ordersPerClient"/> gives it.</summary>
    public static async Task<SeedData> SeedAsync(Api api, int intakeSkus, IReadOnlyList<int> ordersPerClient)
    {
        var returnClients = ordersPerClient.Count;
        var started = Stopwatch.GetTimestamp();
        await api.MustAsync(HttpMethod.Post, "/api/v1/warehouses", Requests.Warehouse(), HttpStatusCode.Created);
        foreach (var location in Requests.Locations())
        {
            await api.MustAsync(HttpMethod.Post, $"/api/v1/warehouses/{Requests.WarehouseCode}/locations", location, HttpStatusCode.Created);
        }

        await api.MustAsync(HttpMethod.Put, "/api/v1/return-policy", Requests.ReturnPolicy(), HttpStatusCode.OK);

        var intake = Enumerable.Range(0, intakeSkus).Select(i => $"BENCH-{i:D4}").ToList();
        const string hot = "BENCH-HOT";
        var returnSkus = Enumerable.Range(0, returnClients).Select(i => $"BENCH-RET-{i:D2}").ToList();
        var stock = intake.Select(s => (s, IntakeStock)).Append((hot, HotStock)).Concat(returnSkus.Select(s => (s, ReturnStock)));
        await Parallel.ForEachAsync(stock, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, _) =>
        {
            await api.MustAsync(HttpMethod.Post, "/api/v1/skus", Requests.Sku(item.Item1), HttpStatusCode.Created);
            await api.MustAsync(HttpMethod.Post, "/api/v1/inventory/receipts", Requests.Receipt(item.Item1, item.Item2), HttpStatusCode.Created);
        });
        Console.WriteLine($"  {intake.Count + 1 + returnSkus.Count} SKUs stocked");

        var orders = new ReturnableOrder[returnClients][];
        for (var c = 0; c < returnClients; c++)
        {
            orders[c] = new ReturnableOrder[ordersPerClient[c]];
        }

        var work = Enumerable.Range(0, returnClients).SelectMany(c => Enumerable.Range(0, ordersPerClient[c]).Select(r => (Client: c, Rma: r)));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, _) =>
        {
            orders[item.Client][item.Rma] = await DeliveredOrderAsync(api, $"returner-{item.Client}-{item.Rma}@bench.example", returnSkus[item.Client]);
        });
        Console.WriteLine($"  {ordersPerClient.Sum()} orders delivered");

        // The Returns module learns of deliveries from Orders' events, asynchronously: wait until it has.
        await Parallel.ForEachAsync(orders.SelectMany(o => o), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (order, _) =>
            await ReturnableAsync(api, order.OrderId));
        return new SeedData
        {
            IntakeSkus = intake,
            HotSku = hot,
            ReturnSkus = returnSkus,
            ReturnOrders = orders,
            Seconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1),
        };
    }

    private static async Task<ReturnableOrder> DeliveredOrderAsync(Api api, string email, string sku)
    {
        var order = await api.MustAsync(HttpMethod.Post, "/api/v1/orders", Requests.Order(email, [sku]), HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        var lineId = order.GetProperty("lines")[0].GetProperty("id").GetGuid();
        await api.MustAsync(HttpMethod.Post, $"/api/v1/orders/{id}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 1 } }, carrier = "DHL" }, HttpStatusCode.Created);
        await api.MustAsync(HttpMethod.Post, $"/api/v1/orders/{id}/delivery", new { }, HttpStatusCode.OK);
        return new ReturnableOrder(id, lineId);
    }

    private static async Task ReturnableAsync(Api api, Guid orderId)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var lines = await api.SendAsync(HttpMethod.Get, $"/api/v1/orders/{orderId}/returnable-lines", null, HttpStatusCode.OK, parse: true);
            if (lines.Ok && lines.Body.ValueKind == JsonValueKind.Array && lines.Body.GetArrayLength() > 0
                && lines.Body.EnumerateArray().All(l => l.GetProperty("eligible").GetBoolean()))
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException($"Order {orderId} did not become returnable within 60 s.");
    }
}
