using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Inventory.Contracts;

namespace OrderHub.IntegrationTests.Inventory;

public sealed class StockEventsTests(OrderHubApp app) : IntegrationTest(app)
{
    internal static readonly TimeSpan ReadDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_stream_subscriber_receives_the_new_figures_of_a_receipt_made_after_it_subscribed()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.CreateSkuAsync("SKU-B");
        using var deadline = new CancellationTokenSource(ReadDeadline);
        using var response = await driver.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/inventory/stream?sku=SKU-A"), HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        (await reader.ReadLineAsync(deadline.Token)).ShouldBe(": subscribed");

        await driver.ReceiveOkAsync("SKU-B", "W1-BULK", 1);
        await driver.ReceiveOkAsync("SKU-A", "W1-BULK", 7);

        var (name, data) = await NextEventAsync(reader, deadline.Token);
        name.ShouldBe("stock-changed");
        var stock = JsonSerializer.Deserialize<StockSnapshot>(data, InventoryDriver.Json)!;
        stock.Sku.ShouldBe("SKU-A", "the stream is filtered by ?sku=");
        stock.OnHand.ShouldBe(7);
        stock.Available.ShouldBe(7);
        stock.Locations.Single().LocationCode.ShouldBe("W1-BULK");
        using var json = JsonDocument.Parse(data);
        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["sku", "onHand", "reserved", "available", "inboundReturns", "expectedFromReturns", "nonSellable", "locations"]);
    }

    [Fact]
    public async Task Every_stock_change_publishes_stock_changed_and_falling_to_the_threshold_publishes_stock_low_once()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 10);
        var put = await driver.Client.PutAsJsonAsync("/api/v1/skus/SKU-A/low-stock-threshold", new { threshold = 3 });
        (await put.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("lowStockThreshold").GetInt32().ShouldBe(3);

        await driver.SendAsync(new ReserveStockCommand("order-1", [new StockLine("SKU-A", 6)], "test"));
        (await driver.OutboxAsync<StockLow>()).ShouldBeEmpty("4 available is still above the threshold");
        await driver.SendAsync(new ReserveStockCommand("order-2", [new StockLine("SKU-A", 2)], "test"));
        await driver.SendAsync(new ReserveStockCommand("order-3", [new StockLine("SKU-A", 1)], "test"));

        var low = await driver.OutboxAsync<StockLow>();
        low.Count.ShouldBe(1, "raised when crossing, not again while below");
        low[0].Payload.ShouldContain("\"available\":2");
        low[0].Payload.ShouldContain("\"threshold\":3");
        (await driver.OutboxAsync<StockStepCompleted>()).Count.ShouldBe(4, "one receipt and three reservations");
        await Eventually.HoldsAsync(
            async () => (await driver.OutboxAsync<StockStepCompleted>()).All(m => m.Status == OutboxMessageStatus.Processed),
            "the stream consumer handled every stock step");
    }

    [Fact]
    public async Task The_low_stock_threshold_rejects_negative_values_and_honours_if_match()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await (await driver.Client.PutAsJsonAsync("/api/v1/skus/SKU-A/low-stock-threshold", new { threshold = -1 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await driver.Client.PutAsJsonAsync("/api/v1/skus/NOPE/low-stock-threshold", new { threshold = 1 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var etag = (await driver.Client.GetAsync("/api/v1/skus/SKU-A")).Headers.ETag!.Tag;

        // The ETag is the catalogue entry's: stock moving does not make it stale, a threshold change does.
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 1);
        var changed = await driver.Client.SendAsync(ThresholdWithIfMatch(1, etag));
        await changed.ShouldBeAsync(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.ShouldNotBe(etag);
        await (await driver.Client.SendAsync(ThresholdWithIfMatch(2, etag))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        static HttpRequestMessage ThresholdWithIfMatch(int threshold, string etag)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/skus/SKU-A/low-stock-threshold") { Content = JsonContent.Create(new { threshold }) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return request;
        }
    }

    internal static async Task<(string Event, string Data)> NextEventAsync(StreamReader reader, CancellationToken ct)
    {
        string? name = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(ct) ?? throw new InvalidOperationException("The stream ended.");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return (name!, line["data: ".Length..]);
            }
        }
    }
}
