using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Returns.Contracts;

namespace OrderHub.IntegrationTests.Returns;

/// <summary>Policy versions: what an RMA is owed never follows a later PUT, and a PUT can neither zero a field it left out nor name a warehouse that does not exist.</summary>
public sealed class ReturnPolicyVersionTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    private const string Policy = "/api/v1/return-policy";

    /// <summary>The fields a PUT document holds: the policy as GET shows it, without what OrderHub assigns.</summary>
    private static readonly string[] Assigned = ["version", "createdAt", "createdBy"];

    private async Task<JsonElement> CurrentAsync(HttpClient staff) => await (await staff.GetAsync(Policy)).ShouldBeAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_refund_keeps_the_restocking_fee_of_the_version_it_was_requested_under_when_a_higher_fee_is_put_before_inspection()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        await scenario.PolicyAsync(p =>
        {
            p["restockingFeePercent"] = 10m;
            p["daysToShip"] = 14;
        });
        var order = await scenario.DeliveredOrderAsync("buyer@example.com", null, [("TEE", 1)], unitPrice: 100.00m);
        var rma = await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "ChangedMind")]);
        var requestedUnder = rma.GetProperty("policyVersion").GetInt32();
        rma.GetProperty("refundEstimate").GetProperty("restockingFee").GetDecimal().ShouldBe(10.00m);
        rma.GetProperty("refundEstimate").GetProperty("total").GetDecimal().ShouldBe(90.00m);

        var raised = await scenario.PolicyAsync(p =>
        {
            p["restockingFeePercent"] = 50m;
            p["daysToShip"] = 3;
        });
        raised.GetProperty("version").GetInt32().ShouldBe(requestedUnder + 1);

        var approved = await scenario.ApproveAsync(rma);
        await scenario.ReceiveAsync(rma);
        var completed = await scenario.InspectAsync(rma, "New", "Restock");

        completed.GetProperty("status").GetString().ShouldBe("Completed");
        completed.GetProperty("refundAmount").GetDecimal().ShouldBe(90.00m);
        completed.GetProperty("lines")[0].GetProperty("refundAmount").GetDecimal().ShouldBe(90.00m);
        completed.GetProperty("policyVersion").GetInt32().ShouldBe(requestedUnder);
        completed.GetProperty("refundEstimate").GetProperty("total").GetDecimal().ShouldBe(90.00m);
        (await scenario.TimelineAsync(rma)).EnumerateArray().Last().GetProperty("detail").GetString().ShouldBe("refund 90.00 EUR");
        (approved.GetProperty("shipBy").GetDateTime() - approved.GetProperty("approvedAt").GetDateTime()).ShouldBe(TimeSpan.FromDays(14));

        var later = await scenario.DeliveredOrderAsync("buyer@example.com", null, [("TEE", 1)], unitPrice: 100.00m);
        (await scenario.ReturnAsync(later, "Refund", [("TEE", 1, "ChangedMind")])).GetProperty("refundEstimate").GetProperty("total").GetDecimal().ShouldBe(50.00m);
    }

    [Fact]
    public async Task Store_credit_requested_under_version_5_is_paid_with_its_fees_and_bonus_after_version_6_zeroes_them()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        await scenario.PolicyAsync(p => p["windowDays"] = 40);
        await scenario.PolicyAsync(p => p["windowDays"] = 30);
        var v5 = await scenario.PolicyAsync(p =>
        {
            p["restockingFeePercent"] = 10m;
            p["returnShippingFee"] = 0.50m;
            p["storeCreditBonusPercent"] = 10m;
        });
        v5.GetProperty("version").GetInt32().ShouldBe(5);
        var order = await scenario.DeliveredOrderAsync("buyer@example.com", null, [("TEE", 1)], unitPrice: 35.00m);
        var rma = await scenario.ReturnAsync(order, "StoreCredit", [("TEE", 1, "TooLarge")]);
        rma.GetProperty("policyVersion").GetInt32().ShouldBe(5);
        var estimate = rma.GetProperty("refundEstimate");
        estimate.GetProperty("restockingFee").GetDecimal().ShouldBe(3.50m);
        estimate.GetProperty("shippingFee").GetDecimal().ShouldBe(0.50m);
        estimate.GetProperty("storeCreditBonus").GetDecimal().ShouldBe(3.10m);
        estimate.GetProperty("total").GetDecimal().ShouldBe(34.10m);

        var v6 = await scenario.PolicyAsync(p =>
        {
            p["restockingFeePercent"] = 0m;
            p["returnShippingFee"] = 0m;
            p["storeCreditBonusPercent"] = 0m;
        });
        v6.GetProperty("version").GetInt32().ShouldBe(6);
        await scenario.ApproveAsync(rma);
        await scenario.ReceiveAsync(rma);
        var completed = await scenario.InspectAsync(rma, "New", "Restock");

        completed.GetProperty("storeCreditAmount").GetDecimal().ShouldBe(34.10m);
        completed.GetProperty("refundAmount").ValueKind.ShouldBe(JsonValueKind.Null);
        var stored = await scenario.GetAsync(rma);
        stored.GetProperty("refundEstimate").GetProperty("total").GetDecimal().ShouldBe(34.10m);
        stored.GetProperty("refundEstimate").GetProperty("storeCreditBonus").GetDecimal().ShouldBe(3.10m);

        var version5 = await (await scenario.Staff.GetAsync($"{Policy}/versions/5")).ShouldBeAsync(HttpStatusCode.OK);
        version5.GetProperty("restockingFeePercent").GetDecimal().ShouldBe(10m);
        version5.GetProperty("storeCreditBonusPercent").GetDecimal().ShouldBe(10m);
        version5.GetProperty("createdBy").GetString()!.ShouldNotBeNullOrWhiteSpace();
        (await (await scenario.Staff.GetAsync($"{Policy}/versions/6")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("storeCreditBonusPercent").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Every_version_ever_in_force_is_listed_newest_first_with_when_and_by_which_key_and_an_unknown_one_is_404()
    {
        using var scenario = await ReturnScenario.StartAsync(App);
        var staff = scenario.Staff;
        await scenario.PolicyAsync(p => p["windowDays"] = 20);
        await scenario.PolicyAsync(p => p["windowDays"] = 25);

        var all = await (await staff.GetAsync($"{Policy}/versions")).ShouldBeAsync(HttpStatusCode.OK);
        all.GetProperty("totalCount").GetInt32().ShouldBe(4);
        all.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ShouldBe([4, 3, 2, 1]);
        all.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("windowDays").GetInt32()).ShouldBe([25, 20, 30, 30]);
        foreach (var version in all.GetProperty("items").EnumerateArray())
        {
            version.GetProperty("createdAt").ValueKind.ShouldBe(JsonValueKind.String);
            version.GetProperty("createdBy").GetString()!.ShouldNotBeNullOrWhiteSpace();
        }

        var second = await (await staff.GetAsync($"{Policy}/versions?page=2&pageSize=3")).ShouldBeAsync(HttpStatusCode.OK);
        second.GetProperty("page").GetInt32().ShouldBe(2);
        second.GetProperty("pageSize").GetInt32().ShouldBe(3);
        second.GetProperty("totalCount").GetInt32().ShouldBe(4);
        second.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ShouldBe([1]);

        (await (await staff.GetAsync($"{Policy}/versions/3")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("windowDays").GetInt32().ShouldBe(20);
        (await (await staff.GetAsync($"{Policy}/versions/1")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("createdBy").GetString().ShouldBe("system");
        await (await staff.GetAsync($"{Policy}/versions/5")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.GetAsync($"{Policy}/versions/0")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.GetAsync($"{Policy}/versions?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_warehouse_that_does_not_exist_is_refused_with_422_naming_the_field_and_nothing_is_stored()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        var order = await scenario.DeliveredOrderAsync(("TEE", 1));
        var rma = await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall")]));
        var before = await CurrentAsync(scenario.Staff);
        var versionsBefore = (await (await scenario.Staff.GetAsync($"{Policy}/versions")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("totalCount").GetInt32();

        var document = JsonNode.Parse(before.GetRawText())!.AsObject();
        document["returnWarehouseCode"] = "NOPE";
        document["restockingFeePercent"] = 50m;
        var refused = await (await scenario.Staff.PutAsJsonAsync(Policy, document)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("code").GetString().ShouldBe("unknown-warehouse");
        refused.GetProperty("field").GetString().ShouldBe("returnWarehouseCode");
        refused.GetProperty("value").GetString().ShouldBe("NOPE");
        refused.GetProperty("errors").GetProperty("returnWarehouseCode")[0].GetString()!.ShouldContain("'NOPE'");
        JsonElement.DeepEquals(await CurrentAsync(scenario.Staff), before).ShouldBeTrue();
        (await (await scenario.Staff.GetAsync($"{Policy}/versions")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("totalCount").GetInt32().ShouldBe(versionsBefore);

        var label = await scenario.Staff.GetAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(rma)}/label?format=zpl");
        label.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await label.Content.ReadAsStringAsync()).ShouldContain($"Warehouse {ReturnScenario.Warehouse}");
        (await scenario.ReceiveAsync(rma)).GetProperty("status").GetString().ShouldBe("Received");
    }

    [Fact]
    public async Task An_rma_stamped_with_a_warehouse_code_that_names_no_warehouse_prints_and_receives_at_the_warehouse_of_the_policy_in_force()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        var order = await scenario.DeliveredOrderAsync(("TEE", 1));
        var rma = await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall")]));
        await StampWarehouseAsync(rma.GetProperty("rmaNumber").GetString()!, "NOPE");

        var label = await scenario.Staff.GetAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(rma)}/label?format=zpl");
        label.StatusCode.ShouldBe(HttpStatusCode.OK);
        var zpl = await label.Content.ReadAsStringAsync();
        zpl.ShouldContain($"Returns - Warehouse {ReturnScenario.Warehouse}");
        zpl.ShouldContain("Lyon");
        (await scenario.Staff.GetAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(rma)}/label")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await scenario.ReceiveAsync(rma);
        var timeline = await scenario.TimelineAsync(rma);
        timeline.EnumerateArray().Last().GetProperty("detail").GetString().ShouldBe($"at warehouse {ReturnScenario.Warehouse}");
        (await scenario.StockAsync("TEE")).GetProperty("nonSellable").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_dock_scan_with_no_warehouse_given_is_422_when_neither_the_rma_nor_the_policy_names_one_that_exists_and_moves_nothing()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        var order = await scenario.DeliveredOrderAsync(("TEE", 1));
        var rma = await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall")]));
        await StampWarehouseAsync(rma.GetProperty("rmaNumber").GetString()!, "NOPE");
        await scenario.PolicyAsync(p => p["returnWarehouseCode"] = null);

        var refused = await (await scenario.ScanAsync(rma)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("code").GetString().ShouldBe("no-return-warehouse");
        (await scenario.GetAsync(rma)).GetProperty("status").GetString().ShouldBe("Approved");
        (await scenario.StockAsync("TEE")).GetProperty("nonSellable").GetInt32().ShouldBe(0);
        var named = await (await scenario.Staff.PostAsJsonAsync($"{ReturnScenario.Returns}/receipts",
            new { rmaNumber = rma.GetProperty("rmaNumber").GetString(), warehouseCode = ReturnScenario.Warehouse })).ShouldBeAsync(HttpStatusCode.Created);
        named.GetProperty("status").GetString().ShouldBe("Received");
    }

    [Fact]
    public async Task A_put_that_leaves_out_any_one_field_keeps_the_value_of_the_version_in_force()
    {
        using var scenario = await ReturnScenario.StartAsync(App);
        await StockSetup.WarehouseAsync(scenario.Staff, "W2");
        JsonObject first = new()
        {
            ["windowDays"] = 45,
            ["categoryWindowDays"] = new JsonObject { ["electronics"] = 14 },
            ["segmentExtensionDays"] = new JsonObject { ["loyal"] = 30 },
            ["nonReturnableCategories"] = new JsonArray("food"),
            ["nonReturnableSkus"] = new JsonArray("GIFTCARD"),
            ["restockingFeePercent"] = 10m,
            ["returnShippingFee"] = 4.95m,
            ["allowedResolutions"] = new JsonArray("Refund", "StoreCredit"),
            ["autoApproveMaxOrderValue"] = 250m,
            ["keepItThreshold"] = 5m,
            ["storeCreditBonusPercent"] = 7.5m,
            ["daysToShip"] = 21,
            ["returnWarehouseCode"] = ReturnScenario.Warehouse,
            ["serialReturnerThresholdPercent"] = 60m,
            ["serialReturnerLookbackOrders"] = 12,
            ["serialReturnerMinimumOrders"] = 4,
        };
        JsonObject second = new()
        {
            ["windowDays"] = 60,
            ["categoryWindowDays"] = new JsonObject { ["furniture"] = 90 },
            ["segmentExtensionDays"] = new JsonObject { ["vip"] = 15 },
            ["nonReturnableCategories"] = new JsonArray("hygiene"),
            ["nonReturnableSkus"] = new JsonArray("SAMPLE"),
            ["restockingFeePercent"] = 50m,
            ["returnShippingFee"] = 2.5m,
            ["allowedResolutions"] = new JsonArray("Exchange"),
            ["autoApproveMaxOrderValue"] = 100m,
            ["keepItThreshold"] = 3m,
            ["storeCreditBonusPercent"] = 15m,
            ["daysToShip"] = 10,
            ["returnWarehouseCode"] = "W2",
            ["serialReturnerThresholdPercent"] = 80m,
            ["serialReturnerLookbackOrders"] = 20,
            ["serialReturnerMinimumOrders"] = 6,
        };
        var fields = (await CurrentAsync(scenario.Staff)).EnumerateObject().Select(p => p.Name).Except(Assigned).ToList();
        first.Select(kv => kv.Key).ShouldBe(fields, ignoreOrder: true);
        second.Select(kv => kv.Key).ShouldBe(fields, ignoreOrder: true);

        foreach (var left in fields)
        {
            await (await scenario.Staff.PutAsJsonAsync(Policy, first)).ShouldBeAsync(HttpStatusCode.OK);
            var partial = second.DeepClone().AsObject();
            partial.Remove(left);

            var stored = await (await scenario.Staff.PutAsJsonAsync(Policy, partial)).ShouldBeAsync(HttpStatusCode.OK);

            var current = await CurrentAsync(scenario.Staff);
            current.GetProperty("version").GetInt32().ShouldBe(stored.GetProperty("version").GetInt32());
            foreach (var field in fields)
            {
                JsonElement.DeepEquals(stored.GetProperty(field), current.GetProperty(field)).ShouldBeTrue($"{field}: the PUT answered what GET shows");
                var expected = JsonSerializer.SerializeToElement(field == left ? first[field] : second[field]);
                JsonElement.DeepEquals(current.GetProperty(field), expected).ShouldBeTrue($"{field} after a PUT without {left}: {current.GetProperty(field)}");
            }
        }
    }

    [Fact]
    public async Task A_put_without_the_serial_returner_threshold_does_not_hold_every_customer_as_a_serial_returner()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        await scenario.PolicyAsync(p =>
        {
            p["autoApproveMaxOrderValue"] = 1000m;
            p["serialReturnerThresholdPercent"] = 50m;
            p["serialReturnerMinimumOrders"] = 1;
        });
        var document = JsonNode.Parse((await CurrentAsync(scenario.Staff)).GetRawText())!.AsObject();
        document.Remove("serialReturnerThresholdPercent");
        document["daysToShip"] = 10;
        (await (await scenario.Staff.PutAsJsonAsync(Policy, document)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("serialReturnerThresholdPercent").GetDecimal().ShouldBe(50m);

        var order = await scenario.DeliveredOrderAsync(("TEE", 1));
        var rma = await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall")]);
        rma.GetProperty("status").GetString().ShouldBe("Approved");
        rma.GetProperty("reviewReasons").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Null_clears_only_a_rule_that_can_be_empty_and_is_400_naming_any_other_field()
    {
        using var scenario = await ReturnScenario.StartAsync(App);
        await scenario.PolicyAsync(p =>
        {
            p["keepItThreshold"] = 5m;
            p["nonReturnableSkus"] = new JsonArray("GIFTCARD");
        });
        var before = await CurrentAsync(scenario.Staff);

        var refused = await (await scenario.Staff.PutAsJsonAsync(Policy, new JsonObject { ["windowDays"] = null, ["nonReturnableSkus"] = null, ["daysToShip"] = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["windowDays", "nonReturnableSkus"], ignoreOrder: true);
        JsonElement.DeepEquals(await CurrentAsync(scenario.Staff), before).ShouldBeTrue();

        var cleared = await (await scenario.Staff.PutAsJsonAsync(Policy, new JsonObject { ["keepItThreshold"] = null, ["nonReturnableSkus"] = new JsonArray() }))
            .ShouldBeAsync(HttpStatusCode.OK);
        cleared.GetProperty("keepItThreshold").ValueKind.ShouldBe(JsonValueKind.Null);
        cleared.GetProperty("nonReturnableSkus").GetArrayLength().ShouldBe(0);
        cleared.GetProperty("windowDays").GetInt32().ShouldBe(before.GetProperty("windowDays").GetInt32());
        cleared.GetProperty("returnWarehouseCode").GetString().ShouldBe(ReturnScenario.Warehouse);
    }

    /// <summary>What a database written before warehouse codes were checked may hold: an RMA stamped with a code that names no warehouse.</summary>
    private async Task StampWarehouseAsync(string rmaNumber, string code)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var module = scope.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules.Single(m => m.Schema == ReturnsContracts.Schema);
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        var entity = context.Model.GetEntityTypes().Single(e => e.ClrType.Name == "ReturnRequest");
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var column = entity.FindProperty("WarehouseCode")!.GetColumnName();
        var key = entity.FindProperty("RmaNumber")!.GetColumnName();
        var sql = "UPDATE " + table + " SET \"" + column + "\" = {0} WHERE \"" + key + "\" = {1}";
        var changed = await context.Database.ExecuteSqlRawAsync(sql, code, rmaNumber);
        changed.ShouldBe(1);
    }
}
