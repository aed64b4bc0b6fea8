using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;
using static OrderHub.IntegrationTests.Fulfilment.FulfilmentDriver;

namespace OrderHub.IntegrationTests.Fulfilment;

public sealed class PerWarehouseShippingTests(OrderHubApp app) : IntegrationTest(app)
{
    /// <summary>TEE × 6 allocated 4 to AAA-P1 and 2 to BBB-P1 (AAA preferred; neither holds 6), CAP × 1 in AAA-P1.</summary>
    private async Task<(FulfilmentDriver Driver, Guid OrderId, Guid Tee, Guid Cap)> SplitOrderAsync(HttpClient staff)
    {
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR", priority: 1);
        await driver.WarehouseAsync("BBB", "FR", priority: 2);
        await driver.SkusAsync("TEE", "CAP");
        await driver.ReceiveAsync("TEE", "AAA-P1", 4);
        await driver.ReceiveAsync("TEE", "BBB-P1", 5);
        await driver.ReceiveAsync("CAP", "AAA-P1", 3);
        var order = await driver.PlaceAsync("FR", ("TEE", 6), ("CAP", 1));
        (await driver.AllocatedAsync(Id(order), "TEE")).ShouldBe([("AAA", "AAA-P1", 4), ("BBB", "BBB-P1", 2)]);
        return (driver, Id(order), LineId(order, "TEE"), LineId(order, "CAP"));
    }

    [Fact]
    public async Task A_shipment_carries_only_units_allocated_to_its_warehouse_and_names_the_lines_allocated_elsewhere()
    {
        using var staff = App.Admin();
        var (driver, orderId, tee, cap) = await SplitOrderAsync(staff);

        var tooMany = await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments",
            new { warehouseCode = "BBB", lines = new[] { new { orderLineId = tee, quantity = 3 }, new { orderLineId = cap, quantity = 1 } } });
        var problem = await tooMany.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldContain(tee.ToString());
        problem.GetProperty("detail").GetString()!.ShouldContain(cap.ToString());
        var unnamed = await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments",
            new { lines = new[] { new { orderLineId = tee, quantity = 5 } } });
        await unnamed.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await driver.OnHandByLocationAsync("TEE")).ShouldBe(new Dictionary<string, int> { ["AAA-P1"] = 4, ["BBB-P1"] = 5 }, "nothing shipped");

        var fromB = await (await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments",
            new { warehouseCode = "BBB", lines = new[] { new { orderLineId = tee, quantity = 2 } } })).ShouldBeAsync(HttpStatusCode.Created);
        fromB.GetProperty("warehouseCode").GetString().ShouldBe("BBB");
        var inferred = await (await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments",
            new { lines = new[] { new { orderLineId = tee, quantity = 4 }, new { orderLineId = cap, quantity = 1 } } })).ShouldBeAsync(HttpStatusCode.Created);
        inferred.GetProperty("warehouseCode").GetString().ShouldBe("AAA", "the only warehouse left holding these lines");

        (await driver.OnHandByLocationAsync("TEE")).ShouldBe(new Dictionary<string, int> { ["AAA-P1"] = 0, ["BBB-P1"] = 3 });
        (await driver.ReservedByLocationAsync("TEE")).ShouldBeEmpty();
        var order = await (await staff.GetAsync($"/api/v1/orders/{orderId}")).ShouldBeAsync(HttpStatusCode.OK);
        order.GetProperty("status").GetString().ShouldBe("Shipped");
        order.GetProperty("shipments").EnumerateArray().Select(s => s.GetProperty("warehouseCode").GetString()).ShouldBe(["BBB", "AAA"]);
    }

    [Fact]
    public async Task A_shipment_or_short_ship_naming_a_line_twice_or_with_absurd_quantities_is_a_400_and_changes_nothing()
    {
        using var staff = App.Admin();
        var (driver, orderId, tee, _) = await SplitOrderAsync(staff);

        foreach (var route in new[] { "shipments", "short-ship" })
        {
            var twice = await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/{route}", new
            {
                warehouseCode = "AAA",
                reason = "test",
                lines = new[] { new { orderLineId = tee, quantity = int.MaxValue }, new { orderLineId = tee, quantity = int.MaxValue } },
            });
            var problem = await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty("lines", out _).ShouldBeTrue(route);
        }

        (await driver.OnHandByLocationAsync("TEE")).ShouldBe(new Dictionary<string, int> { ["AAA-P1"] = 4, ["BBB-P1"] = 5 }, "nothing shipped");
        (await driver.ReservedByLocationAsync("TEE")).ShouldBe(new Dictionary<string, int> { ["AAA-P1"] = 4, ["BBB-P1"] = 2 }, "nothing released");
    }

    [Fact]
    public async Task Cancelling_releases_exactly_the_allocated_locations()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 3);
        await driver.ReceiveAsync("TEE", "AAA-P2", 4);
        var first = await driver.PlaceAsync("FR", ("TEE", 3));
        var second = await driver.PlaceAsync("FR", ("TEE", 2));
        (await driver.AllocatedAsync(Id(first), "TEE")).ShouldBe([("AAA", "AAA-P2", 3)]);
        (await driver.AllocatedAsync(Id(second), "TEE")).ShouldBe([("AAA", "AAA-P1", 2)]);

        await (await staff.PostAsync($"/api/v1/orders/{Id(second)}/cancel", null)).ShouldBeAsync(HttpStatusCode.OK);

        (await driver.ReservedByLocationAsync("TEE")).ShouldBe(new Dictionary<string, int> { ["AAA-P2"] = 3 });
        (await driver.AllocatedAsync(Id(second), "TEE")).ShouldBeEmpty();
        using var inventory = new Inventory.InventoryDriver(App);
        await inventory.ShouldBalanceAsync("TEE");
    }

    [Fact]
    public async Task A_partly_shipped_order_short_shipped_releases_the_rest_where_it_was_allocated_and_can_be_delivered()
    {
        using var staff = App.Admin();
        var (driver, orderId, tee, cap) = await SplitOrderAsync(staff);

        await (await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/short-ship",
            new { lines = new[] { new { orderLineId = tee, quantity = 1 } }, reason = "one unit damaged at BBB" })).ShouldBeAsync(HttpStatusCode.OK);
        (await driver.ReservedByLocationAsync("TEE")).ShouldBe(new Dictionary<string, int> { ["AAA-P1"] = 4, ["BBB-P1"] = 1 });
        (await driver.AllocatedAsync(orderId, "TEE")).ShouldBe([("AAA", "AAA-P1", 4), ("BBB", "BBB-P1", 1)]);

        await (await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments",
            new { warehouseCode = "AAA", lines = new[] { new { orderLineId = tee, quantity = 4 }, new { orderLineId = cap, quantity = 1 } } })).ShouldBeAsync(HttpStatusCode.Created);
        (await (await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/delivery", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("PartiallyShipped");

        var over = await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/short-ship",
            new { lines = new[] { new { orderLineId = tee, quantity = 2 } }, reason = "damaged on the shelf" });
        await over.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await driver.ReservedByLocationAsync("TEE")).ShouldBe(new Dictionary<string, int> { ["BBB-P1"] = 1 }, "the refused short-ship changed nothing");

        var shortShipped = await (await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/short-ship",
            new { lines = new[] { new { orderLineId = tee, quantity = 1 } }, reason = "damaged on the shelf" })).ShouldBeAsync(HttpStatusCode.OK);

        shortShipped.GetProperty("status").GetString().ShouldBe("Shipped");
        shortShipped.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == "TEE")
            .GetProperty("shortShippedQuantity").GetInt32().ShouldBe(2);
        (await driver.ReservedByLocationAsync("TEE")).ShouldBeEmpty();
        (await driver.OnHandByLocationAsync("TEE")).ShouldBe(new Dictionary<string, int> { ["AAA-P1"] = 0, ["BBB-P1"] = 5 });
        (await driver.AllocatedAsync(orderId, "TEE")).ShouldBe([("AAA", "AAA-P1", 4)]);
        var timeline = await (await staff.GetAsync($"/api/v1/orders/{orderId}/timeline")).ShouldBeAsync(HttpStatusCode.OK);
        var entries = timeline.ValueKind == System.Text.Json.JsonValueKind.Array ? timeline : timeline.GetProperty("items");
        entries.EnumerateArray().ShouldContain(e => e.GetProperty("event").GetString() == "OrderShortShipped"
            && e.GetProperty("detail").GetString()!.Contains("damaged on the shelf"));

        var delivered = await (await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/delivery", new { })).ShouldBeAsync(HttpStatusCode.OK);
        delivered.GetProperty("status").GetString().ShouldBe("Delivered");
        using var inventory = new Inventory.InventoryDriver(App);
        await inventory.ShouldBalanceAsync("TEE");
    }

    [Fact]
    public async Task Short_shipping_everything_of_an_order_that_never_shipped_cancels_it_and_releases_its_stock()
    {
        using var staff = App.Admin();
        var (driver, orderId, tee, cap) = await SplitOrderAsync(staff);

        var closed = await (await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/short-ship",
            new { lines = new[] { new { orderLineId = tee, quantity = 6 }, new { orderLineId = cap, quantity = 1 } }, reason = "supplier recall" })).ShouldBeAsync(HttpStatusCode.OK);

        closed.GetProperty("status").GetString().ShouldBe("Cancelled");
        (await driver.ReservedByLocationAsync("TEE")).ShouldBeEmpty();
        (await driver.ReservedByLocationAsync("CAP")).ShouldBeEmpty();
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{orderId}/short-ship",
            new { lines = new[] { new { orderLineId = tee, quantity = 1 } }, reason = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_order_in_one_warehouse_ships_without_naming_it_as_before()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 5);
        var order = await driver.PlaceAsync("FR", ("TEE", 2));

        var shipment = await (await staff.PostAsJsonAsync($"/api/v1/orders/{Id(order)}/shipments",
            new { lines = new[] { new { orderLineId = LineId(order, "TEE"), quantity = 2 } } })).ShouldBeAsync(HttpStatusCode.Created);

        shipment.GetProperty("warehouseCode").GetString().ShouldBe("AAA");
        (await driver.AllocationsAsync(Id(order))).GetProperty("lines")[0].GetProperty("allocations")[0].GetProperty("shippedQuantity").GetInt32().ShouldBe(2);
    }
}
