using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Returns;

/// <summary>Where a return's parcel goes: the warehouse the policy pins, else the one that needs the returned SKUs most.</summary>
public sealed class ReturnRoutingTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    [Fact]
    public async Task Without_a_pinned_warehouse_the_parcel_goes_where_the_skus_are_needed_most_and_a_pinned_policy_wins()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 0));
        await StockSetup.StockedAsync(scenario.Staff, "AMS1");
        await StockSetup.StockedAsync(scenario.Staff, "BER1");

        // Berlin ships 6 and keeps 4; then Amsterdam, whose pick location is reserved first, ships 40 and keeps 3.
        await StockSetup.ReceiveAsync(scenario.Staff, "TEE", "BER1-PICK", 10);
        var fromBerlin = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 6)]);
        await StockSetup.ReceiveAsync(scenario.Staff, "TEE", "AMS1-PICK", 43);
        await scenario.DeliveredOrderAsync("bob@example.com", null, [("TEE", 40)]);
        await scenario.PolicyAsync(p => p["returnWarehouseCode"] = null);

        var routed = await scenario.ReturnAsync(fromBerlin, "Refund", [("TEE", 1, "TooSmall")]);

        routed.GetProperty("returnWarehouseCode").GetString().ShouldBe("AMS1");
        routed.GetProperty("routingReason").GetString().ShouldBe("AMS1 needs these SKUs most: 3 available against 40 sold in 30 days");
        var approved = await scenario.ApproveAsync(routed);
        var zpl = await (await scenario.Staff.GetAsync($"{approved.GetProperty("labelUrl").GetString()}?format=zpl")).Content.ReadAsStringAsync();
        zpl.ShouldContain("AMS1");
        await scenario.ReceiveAsync(routed);
        var stock = await scenario.StockAsync("TEE");
        stock.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("locationCode").GetString() == "AMS1-RET").GetProperty("onHand").GetInt32().ShouldBe(1);

        var pinnedPolicy = await scenario.PolicyAsync(p => p["returnWarehouseCode"] = "BER1");
        var pinned = await scenario.ReturnAsync(fromBerlin, "Refund", [("TEE", 1, "TooLarge")]);

        pinned.GetProperty("returnWarehouseCode").GetString().ShouldBe("BER1");
        pinned.GetProperty("routingReason").GetString().ShouldBe($"pinned by policy v{pinnedPolicy.GetProperty("version").GetInt32()}");
    }

    [Fact]
    public async Task Routing_by_need_weighs_each_sku_by_the_units_coming_back_and_breaks_ties_by_warehouse_code()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 0), ("CAP", 0));
        await StockSetup.StockedAsync(scenario.Staff, "AMS1");
        await StockSetup.StockedAsync(scenario.Staff, "BER1");

        // Each warehouse ships 10 of one SKU and keeps 10 of the other: alike in plain units, not once weighted.
        await StockSetup.ReceiveAsync(scenario.Staff, "TEE", "BER1-PICK", 10);
        await StockSetup.ReceiveAsync(scenario.Staff, "CAP", "AMS1-PICK", 10);
        var order = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 10), ("CAP", 10)],
            shipFrom: new Dictionary<string, string> { ["TEE"] = "BER1", ["CAP"] = "AMS1" });
        await StockSetup.ReceiveAsync(scenario.Staff, "TEE", "AMS1-PICK", 10);
        await StockSetup.ReceiveAsync(scenario.Staff, "CAP", "BER1-PICK", 10);
        await scenario.PolicyAsync(p => p["returnWarehouseCode"] = null);

        var even = await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall"), ("CAP", 1, "TooSmall")]);
        var mostlyTees = await scenario.ReturnAsync(order, "Refund", [("TEE", 3, "TooSmall"), ("CAP", 1, "TooSmall")]);

        even.GetProperty("returnWarehouseCode").GetString().ShouldBe("AMS1");
        even.GetProperty("routingReason").GetString().ShouldBe("AMS1 needs these SKUs most: 10 available against 10 sold in 30 days");
        mostlyTees.GetProperty("returnWarehouseCode").GetString().ShouldBe("BER1");
        mostlyTees.GetProperty("routingReason").GetString().ShouldBe("BER1 needs these SKUs most: 10 available against 10 sold in 30 days");
    }
}
