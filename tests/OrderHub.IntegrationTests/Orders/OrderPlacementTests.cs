using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;
using static OrderHub.IntegrationTests.Orders.OrderRequests;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>
/// A storefront order and an exchange replacement come into being the same way: stock reserved, then one
/// <c>OrderConfirmed</c> timeline entry and one <c>OrderConfirmed</c> event; a refused placement leaves neither.
/// </summary>
public sealed class OrderPlacementTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    [Fact]
    public async Task A_placed_order_starts_its_timeline_confirmed_with_stock_reserved_and_announces_it_once()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE", 5), ("CAP", 5));

        var order = await (await staff.PostAsJsonAsync("/api/v1/orders", Order(("TEE", 2), ("CAP", 1)))).ShouldBeAsync(HttpStatusCode.Created);

        var id = order.GetProperty("id").GetGuid();
        await ShouldBeConfirmedWithStockReservedAsync(staff, id, lines: 2);
        (await StockSetup.StockAsync(staff, "TEE")).GetProperty("reserved").GetInt32().ShouldBe(2);
        (await ConfirmationsAsync()).ShouldBe([id]);
    }

    [Fact]
    public async Task A_placement_refused_for_short_stock_leaves_no_order_no_timeline_and_no_event()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE", 5), ("CAP", 1));

        var refused = await (await staff.PostAsJsonAsync("/api/v1/orders", Order(("TEE", 2), ("CAP", 3)))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        refused.GetProperty("shortages").EnumerateArray().Select(s => s.GetProperty("sku").GetString()).ShouldBe(["CAP"]);
        (await StockSetup.StockAsync(staff, "TEE")).GetProperty("reserved").GetInt32().ShouldBe(0);
        (await (await staff.GetAsync("/api/v1/orders")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await ConfirmationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_exchange_order_starts_its_timeline_confirmed_with_stock_reserved_and_announces_it_once()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("TEE-L", 3));
        var original = await scenario.DeliveredOrderAsync(("TEE", 1));
        var rma = await scenario.ApproveAsync(await scenario.ReturnAsync(original, "Exchange", [("TEE", 1, "TooSmall")], exchangeSku: "TEE-L"));
        await scenario.ReceiveAsync(rma);

        var completed = await scenario.InspectAsync(rma, "New", "Restock");

        var number = completed.GetProperty("exchangeOrderNumber").GetString();
        var exchange = await (await scenario.Staff.GetAsync($"/api/v1/orders/by-number/{number}")).ShouldBeAsync(HttpStatusCode.OK);
        var id = exchange.GetProperty("id").GetGuid();
        await ShouldBeConfirmedWithStockReservedAsync(scenario.Staff, id, lines: 1);
        (await scenario.StockAsync("TEE-L")).GetProperty("reserved").GetInt32().ShouldBe(1);
        (await ConfirmationsAsync()).ShouldBe([original.Id, id], ignoreOrder: true);
    }

    private static async Task ShouldBeConfirmedWithStockReservedAsync(HttpClient client, Guid orderId, int lines)
    {
        var timeline = await (await client.GetAsync($"/api/v1/orders/{orderId}/timeline")).ShouldBeAsync(HttpStatusCode.OK);
        var entry = timeline.EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("event").GetString().ShouldBe("OrderConfirmed");
        entry.GetProperty("status").GetString().ShouldBe("Confirmed");
        entry.GetProperty("detail").GetString().ShouldBe($"{lines} line(s), stock reserved");
    }

    /// <summary>The orders named by the Orders outbox's OrderConfirmed events, oldest first.</summary>
    private async Task<List<Guid>> ConfirmationsAsync() =>
        (await App.OutboxAsync("orders"))
            .Where(m => m.Type.EndsWith(".OrderConfirmed", StringComparison.Ordinal))
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("order").GetProperty("orderId").GetGuid())
            .ToList();
}
