using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using static OrderHub.IntegrationTests.Orders.OrderRequests;

namespace OrderHub.IntegrationTests.Orders;

public sealed class OrderLifecycleTests(OrderHubApp app) : IntegrationTest(app)
{
    private async Task<JsonElement> PlaceAsync(HttpClient client, params (string Sku, int Quantity)[] lines) =>
        await (await client.PostAsJsonAsync("/api/v1/orders", Order(lines))).ShouldBeAsync(HttpStatusCode.Created);

    private static Guid LineId(JsonElement order, int index) => order.GetProperty("lines")[index].GetProperty("id").GetGuid();

    [Fact]
    public async Task Partial_then_complete_shipments_consume_reservations_and_on_hand()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10), ("CAP", 5));
        var order = await PlaceAsync(staff, ("TEE-S", 4), ("CAP", 1));
        var id = order.GetProperty("id").GetGuid();

        var first = await staff.PostAsJsonAsync($"/api/v1/orders/{id}/shipments",
            new { lines = new[] { new { orderLineId = LineId(order, 0), quantity = 3 } }, carrier = "DHL", trackingNumber = "TRK-1" });
        var shipment = await first.ShouldBeAsync(HttpStatusCode.Created);
        shipment.GetProperty("carrier").GetString().ShouldBe("DHL");
        shipment.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(3);

        var partially = await (await staff.GetAsync($"/api/v1/orders/{id}")).ShouldBeAsync(HttpStatusCode.OK);
        partially.GetProperty("status").GetString().ShouldBe("PartiallyShipped");
        var tee = await StockSetup.StockAsync(staff, "TEE-S");
        tee.GetProperty("onHand").GetInt32().ShouldBe(7);
        tee.GetProperty("reserved").GetInt32().ShouldBe(1);
        tee.GetProperty("available").GetInt32().ShouldBe(6);

        var over = await staff.PostAsJsonAsync($"/api/v1/orders/{id}/shipments", new { lines = new[] { new { orderLineId = LineId(order, 0), quantity = 2 } } });
        await over.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await StockSetup.StockAsync(staff, "TEE-S")).GetProperty("onHand").GetInt32().ShouldBe(7);

        await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/shipments", new
        {
            lines = new[] { new { orderLineId = LineId(order, 0), quantity = 1 }, new { orderLineId = LineId(order, 1), quantity = 1 } },
        })).ShouldBeAsync(HttpStatusCode.Created);

        var shipped = await (await staff.GetAsync($"/api/v1/orders/{id}")).ShouldBeAsync(HttpStatusCode.OK);
        shipped.GetProperty("status").GetString().ShouldBe("Shipped");
        shipped.GetProperty("shipments").GetArrayLength().ShouldBe(2);
        tee = await StockSetup.StockAsync(staff, "TEE-S");
        tee.GetProperty("onHand").GetInt32().ShouldBe(6);
        tee.GetProperty("reserved").GetInt32().ShouldBe(0);
        (await StockSetup.StockAsync(staff, "CAP")).GetProperty("onHand").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Delivery_needs_everything_shipped_and_records_delivered_at()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10));
        var order = await PlaceAsync(staff, ("TEE-S", 2));
        var id = order.GetProperty("id").GetGuid();

        await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/delivery", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/shipments", new { lines = new[] { new { orderLineId = LineId(order, 0), quantity = 2 } } }))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/delivery", new { deliveredAt = DateTime.UtcNow.AddDays(3) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        var delivered = await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/delivery", new { })).ShouldBeAsync(HttpStatusCode.OK);
        delivered.GetProperty("status").GetString().ShouldBe("Delivered");
        delivered.GetProperty("deliveredAt").GetDateTime().ShouldBeInRange(DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/delivery", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostAsync($"/api/v1/orders/{id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancelling_releases_the_reservation_and_is_409_once_anything_shipped()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10));
        var order = await PlaceAsync(staff, ("TEE-S", 3));
        var id = order.GetProperty("id").GetGuid();

        var cancelled = await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/cancel", new { reason = "customer asked" })).ShouldBeAsync(HttpStatusCode.OK);
        cancelled.GetProperty("status").GetString().ShouldBe("Cancelled");
        var tee = await StockSetup.StockAsync(staff, "TEE-S");
        tee.GetProperty("reserved").GetInt32().ShouldBe(0);
        tee.GetProperty("available").GetInt32().ShouldBe(10);
        await (await staff.PostAsync($"/api/v1/orders/{id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/shipments", new { lines = new[] { new { orderLineId = LineId(order, 0), quantity = 1 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var shippedOrder = await PlaceAsync(staff, ("TEE-S", 2));
        var shippedId = shippedOrder.GetProperty("id").GetGuid();
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{shippedId}/shipments", new { lines = new[] { new { orderLineId = LineId(shippedOrder, 0), quantity = 1 } } }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var refused = await (await staff.PostAsync($"/api/v1/orders/{shippedId}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("shipped");
        (await StockSetup.StockAsync(staff, "TEE-S")).GetProperty("reserved").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10));
        var created = await staff.PostAsJsonAsync("/api/v1/orders", Order(("TEE-S", 2)));
        var order = await created.ShouldBeAsync(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;

        var shipped = await staff.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/orders/{id}/shipments",
            new { lines = new[] { new { orderLineId = LineId(order, 0), quantity = 1 } } }, etag));
        await shipped.ShouldBeAsync(HttpStatusCode.Created);
        shipped.Headers.ETag!.Tag.ShouldNotBe(etag);

        var stale = await staff.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/orders/{id}/shipments",
            new { lines = new[] { new { orderLineId = LineId(order, 0), quantity = 1 } } }, etag));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await StockSetup.StockAsync(staff, "TEE-S")).GetProperty("onHand").GetInt32().ShouldBe(9);

        var current = (await staff.GetAsync($"/api/v1/orders/{id}")).Headers.ETag!.Tag;
        current.ShouldBe(shipped.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Unknown_orders_and_lines_are_404()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10));
        await (await staff.GetAsync($"/api/v1/orders/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.GetAsync("/api/v1/orders/by-number/OH-999999")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.PostAsync($"/api/v1/orders/{Guid.NewGuid()}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var order = await PlaceAsync(staff, ("TEE-S", 1));
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/shipments",
            new { lines = new[] { new { orderLineId = Guid.NewGuid(), quantity = 1 } } })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_timeline_lists_every_state_change_with_actor_and_events_go_to_the_outbox()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10));
        var order = await PlaceAsync(staff, ("TEE-S", 1));
        var id = order.GetProperty("id").GetGuid();
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/shipments", new { lines = new[] { new { orderLineId = LineId(order, 0), quantity = 1 } } }))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/delivery", new { })).ShouldBeAsync(HttpStatusCode.OK);

        var timeline = await (await staff.GetAsync($"/api/v1/orders/{id}/timeline")).ShouldBeAsync(HttpStatusCode.OK);
        timeline.EnumerateArray().Select(e => e.GetProperty("event").GetString()).ShouldBe(["OrderConfirmed", "OrderShipped", "OrderDelivered"]);
        timeline.EnumerateArray().Select(e => e.GetProperty("status").GetString()).ShouldBe(["Confirmed", "Shipped", "Delivered"]);
        timeline[0].GetProperty("actor").GetString()!.ShouldContain("bootstrap-admin");

        var outbox = await App.OutboxAsync("orders");
        outbox.Select(m => m.Type.Split('.').Last()).ShouldBe(["OrderConfirmed", "OrderShipped", "OrderDelivered"]);
        var delivered = outbox.Single(m => m.Type.EndsWith("OrderDelivered", StringComparison.Ordinal)).Payload;
        JsonDocument.Parse(delivered).RootElement.GetProperty("order").GetProperty("deliveredAt").ValueKind.ShouldBe(JsonValueKind.String);
    }
}
