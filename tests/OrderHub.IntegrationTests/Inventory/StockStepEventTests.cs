using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Notifications;
using OrderHub.Inventory;
using OrderHub.Inventory.Contracts;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>
/// A stock step publishes one event for all the SKUs it changed; the stream and <c>stock.changed</c> webhook
/// subscribers still hear of each SKU (ADR 0036). Runs with webhooks allowed to a loopback receiver.
/// </summary>
public sealed class StockStepEventTests(NotificationsApp app) : IntegrationTest<NotificationsApp>(app)
{
    [Fact]
    public async Task A_step_over_several_skus_publishes_one_event_that_reaches_webhooks_and_the_stream_once_per_sku()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.CreateSkuAsync("SKU-B");
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 5);
        await driver.ReceiveOkAsync("SKU-B", "W1-BULK", 4);
        await using var receiver = await WebhookReceiver.StartAsync();
        await SubscribeOnceDeliveredAsync(driver, receiver);
        using var deadline = new CancellationTokenSource(StockEventsTests.ReadDeadline);
        using var response = await driver.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/inventory/stream?sku=SKU-B"), HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        (await reader.ReadLineAsync(deadline.Token)).ShouldBe(": subscribed");
        var before = (await driver.OutboxAsync<StockStepCompleted>()).Count;

        await driver.SendAsync(new ReserveStockCommand("order-ab", [new StockLine("SKU-A", 2), new StockLine("SKU-B", 1)], "test"));

        var rows = await driver.OutboxAsync<StockStepCompleted>();
        rows.Count.ShouldBe(before + 1, "one event for the step, whatever number of SKUs it changed");
        var step = JsonSerializer.Deserialize<StockStepCompleted>(rows[^1].Payload, InventoryDriver.Json)!;
        step.Change.ShouldBe("Reservation");
        step.Reference.ShouldBe("order-ab");
        step.Stocks.Select(s => (s.Stock.Sku, s.Stock.Reserved)).ShouldBe([("SKU-A", 2), ("SKU-B", 1)]);

        var (name, data) = await StockEventsTests.NextEventAsync(reader, deadline.Token);
        name.ShouldBe("stock-changed");
        JsonSerializer.Deserialize<StockSnapshot>(data, InventoryDriver.Json)!.ShouldSatisfyAllConditions(
            s => s.Sku.ShouldBe("SKU-B"),
            s => s.Reserved.ShouldBe(1));

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Processed.Count == 2), "one stock.changed delivery per SKU");
        var bodies = receiver.Processed.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        receiver.Processed.ShouldAllBe(r => r.EventType == "stock.changed" && r.SignatureValid);
        bodies.Select(b => b.GetProperty("id").GetGuid()).ShouldBe(step.Stocks.Select(s => s.Id), ignoreOrder: true);
        bodies.Select(b => b.GetProperty("data").GetProperty("stock").GetProperty("sku").GetString()).ShouldBe(["SKU-A", "SKU-B"], ignoreOrder: true);
        bodies.ShouldAllBe(b => b.GetProperty("data").GetProperty("change").GetString() == "Reservation"
            && b.GetProperty("data").GetProperty("reference").GetString() == "order-ab"
            && b.GetProperty("occurredAt").GetDateTime() == step.OccurredAt);
        var reservedB = bodies.Single(b => b.GetProperty("data").GetProperty("stock").GetProperty("sku").GetString() == "SKU-B");
        reservedB.GetProperty("data").GetProperty("stock").GetProperty("available").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_per_sku_stock_changed_left_in_the_outbox_by_an_earlier_version_is_still_delivered()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 5);
        await using var receiver = await WebhookReceiver.StartAsync();
        await SubscribeOnceDeliveredAsync(driver, receiver);
        var stock = await driver.StockAsync("SKU-A");
        var earlier = new StockChanged(Guid.NewGuid(), DateTime.UtcNow, stock, "Receipt", "po-1");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var inventory = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(InventoryModule.Descriptor.DbContextType);
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(_ =>
            {
                inventory.Publish(earlier);
                return Task.CompletedTask;
            }, CancellationToken.None);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Processed.Count == 1), "the earlier event reaches the subscriber");
        var body = JsonDocument.Parse(receiver.Processed.Single().Body).RootElement;
        body.GetProperty("id").GetGuid().ShouldBe(earlier.Id);
        body.GetProperty("data").GetProperty("stock").GetProperty("onHand").GetInt32().ShouldBe(5);
        body.GetProperty("data").GetProperty("reference").GetString().ShouldBe("po-1");
        await Eventually.HoldsAsync(
            async () => (await driver.OutboxAsync<StockChanged>()).Single().Status == OutboxMessageStatus.Processed,
            "both of its consumers handled it");
    }

    /// <summary>Subscribes to stock.changed once the receipts before it are delivered, so the subscriber hears only what follows.</summary>
    private async Task SubscribeOnceDeliveredAsync(InventoryDriver driver, WebhookReceiver receiver)
    {
        await Eventually.HoldsAsync(
            async () => (await driver.OutboxAsync<StockStepCompleted>()).All(m => m.Status == OutboxMessageStatus.Processed),
            "the receipts are delivered");
        var events = new[] { "stock.changed" };
        using var admin = App.Admin();
        await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events, secret = receiver.Secret }))
            .ShouldBeAsync(HttpStatusCode.Created);
    }
}
