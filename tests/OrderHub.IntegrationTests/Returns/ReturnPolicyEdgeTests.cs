using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Returns;

public sealed class ReturnPolicyEdgeTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    private static DateTime EndOfDay(DateTime day) => day.Date.AddDays(1).AddTicks(-1);

    private static string[] Reasons(JsonElement line) => line.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray();

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_category_window_replaces_the_default_and_a_segment_extension_is_added_to_either()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        await scenario.SkuAsync("PHONE", 10, category: "electronics");
        await scenario.PolicyAsync(p =>
        {
            p["windowDays"] = 30;
            p["categoryWindowDays"] = new JsonObject { ["Electronics"] = 14 };
            p["segmentExtensionDays"] = new JsonObject { ["loyal"] = 30 };
        });
        var delivered = App.Clock.UtcNow.Date;
        var loyal = await scenario.DeliveredOrderAsync("loyal@example.com", "loyal", [("TEE", 1), ("PHONE", 1)]);
        var plain = await scenario.DeliveredOrderAsync("plain@example.com", null, [("TEE", 1), ("PHONE", 1)]);

        (await scenario.ReturnableLineAsync(plain, "TEE")).GetProperty("deadline").GetDateTime().ShouldBe(EndOfDay(delivered.AddDays(30)));
        (await scenario.ReturnableLineAsync(plain, "PHONE")).GetProperty("deadline").GetDateTime().ShouldBe(EndOfDay(delivered.AddDays(14)));
        (await scenario.ReturnableLineAsync(loyal, "TEE")).GetProperty("deadline").GetDateTime().ShouldBe(EndOfDay(delivered.AddDays(60)));
        (await scenario.ReturnableLineAsync(loyal, "PHONE")).GetProperty("deadline").GetDateTime().ShouldBe(EndOfDay(delivered.AddDays(44)));

        App.Clock.MoveTo(delivered.AddDays(15).AddHours(1));
        var phone = await scenario.ReturnableLineAsync(plain, "PHONE");
        phone.GetProperty("eligible").GetBoolean().ShouldBeFalse();
        phone.GetProperty("returnableQuantity").GetInt32().ShouldBe(0);
        Reasons(phone).ShouldBe([$"The 14-day return window for this item closed on {Day(delivered.AddDays(14))}."]);
        (await scenario.ReturnableLineAsync(plain, "TEE")).GetProperty("eligible").GetBoolean().ShouldBeTrue();
        (await scenario.ReturnableLineAsync(loyal, "PHONE")).GetProperty("eligible").GetBoolean().ShouldBeTrue();

        App.Clock.MoveTo(delivered.AddDays(31).AddHours(1));
        Reasons(await scenario.ReturnableLineAsync(plain, "TEE")).ShouldBe([$"The 30-day return window for this item closed on {Day(delivered.AddDays(30))}."]);
        var loyalTee = await scenario.ReturnableLineAsync(loyal, "TEE");
        loyalTee.GetProperty("eligible").GetBoolean().ShouldBeTrue();
        loyalTee.GetProperty("returnableQuantity").GetInt32().ShouldBe(1);
        var refused = await (await scenario.RequestAsync(plain, "Refund", [("TEE", 1, "ChangedMind")])).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("lines")[0].GetProperty("reasons")[0].GetString()!.ShouldContain($"closed on {Day(delivered.AddDays(30))}");
        await scenario.ReturnAsync(loyal, "Refund", [("TEE", 1, "ChangedMind")]);
    }

    [Fact]
    public async Task Non_returnable_categories_skus_and_catalogue_flags_are_refused_with_a_reason_per_line()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        await scenario.SkuAsync("HONEY", 5, category: "food");
        await scenario.SkuAsync("GIFTCARD", 5);
        await scenario.SkuAsync("FINAL-SALE", 5, returnable: false);
        await scenario.PolicyAsync(p =>
        {
            p["nonReturnableCategories"] = new JsonArray("Food");
            p["nonReturnableSkus"] = new JsonArray("GIFTCARD");
        });
        var order = await scenario.DeliveredOrderAsync(("TEE", 1), ("HONEY", 1), ("GIFTCARD", 1), ("FINAL-SALE", 1));

        Reasons(await scenario.ReturnableLineAsync(order, "HONEY")).ShouldBe(["Items in the category 'food' cannot be returned."]);
        Reasons(await scenario.ReturnableLineAsync(order, "GIFTCARD")).ShouldBe(["This product cannot be returned."]);
        var finalSale = await scenario.ReturnableLineAsync(order, "FINAL-SALE");
        Reasons(finalSale).ShouldBe(["This product cannot be returned."]);
        finalSale.GetProperty("returnableQuantity").GetInt32().ShouldBe(0);
        var tee = await scenario.ReturnableLineAsync(order, "TEE");
        tee.GetProperty("eligible").GetBoolean().ShouldBeTrue();
        Reasons(tee).ShouldBeEmpty();

        var refused = await (await scenario.RequestAsync(order, "Refund", [("TEE", 1, "ChangedMind"), ("HONEY", 1, "ChangedMind"), ("FINAL-SALE", 1, "Defective")]))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("code").GetString().ShouldBe("not-returnable");
        var lines = refused.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("sku").GetString()!, Reasons);
        lines.Keys.ShouldBe(["HONEY", "FINAL-SALE"], ignoreOrder: true);
        lines["HONEY"].ShouldBe(["Items in the category 'food' cannot be returned."]);
        lines["FINAL-SALE"].ShouldBe(["This product cannot be returned."]);
        var none = await (await scenario.Staff.GetAsync($"{ReturnScenario.Returns}?orderId={order.Id}")).ShouldBeAsync(HttpStatusCode.OK);
        none.GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_change_of_mind_pays_the_restocking_and_shipping_fees_and_the_seller_at_fault_or_an_exchange_does_not()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 20), ("CAP", 20));
        await scenario.PolicyAsync(p =>
        {
            p["restockingFeePercent"] = 10m;
            p["returnShippingFee"] = 4.95m;
        });
        var order = await scenario.DeliveredOrderAsync(("TEE", 3), ("CAP", 2));

        var changedMind = (await scenario.ReturnAsync(order, "Refund", [("TEE", 2, "ChangedMind")])).GetProperty("refundEstimate");
        changedMind.GetProperty("itemsValue").GetDecimal().ShouldBe(39.98m);
        changedMind.GetProperty("restockingFee").GetDecimal().ShouldBe(4.00m);
        changedMind.GetProperty("shippingFee").GetDecimal().ShouldBe(4.95m);
        changedMind.GetProperty("total").GetDecimal().ShouldBe(31.03m);
        changedMind.GetProperty("currency").GetString().ShouldBe("EUR");

        var mixed = (await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "ChangedMind"), ("CAP", 1, "WrongItem")])).GetProperty("refundEstimate");
        mixed.GetProperty("restockingFee").GetDecimal().ShouldBe(2.00m);
        mixed.GetProperty("shippingFee").GetDecimal().ShouldBe(0m);
        mixed.GetProperty("total").GetDecimal().ShouldBe(37.98m);

        foreach (var reason in new[] { "Defective", "Damaged" })
        {
            var other = await scenario.DeliveredOrderAsync(("TEE", 1));
            var atFault = (await scenario.ReturnAsync(other, "Refund", [("TEE", 1, reason)])).GetProperty("refundEstimate");
            atFault.GetProperty("restockingFee").GetDecimal().ShouldBe(0m, reason);
            atFault.GetProperty("shippingFee").GetDecimal().ShouldBe(0m, reason);
            atFault.GetProperty("total").GetDecimal().ShouldBe(19.99m, reason);
        }

        var exchange = (await scenario.ReturnAsync(order, "Exchange", [("CAP", 1, "TooSmall")], exchangeSku: "TEE")).GetProperty("refundEstimate");
        exchange.GetProperty("restockingFee").GetDecimal().ShouldBe(0m);
        exchange.GetProperty("shippingFee").GetDecimal().ShouldBe(0m);
        exchange.GetProperty("total").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Store_credit_adds_the_policy_bonus_to_the_refund()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        await scenario.PolicyAsync(p => p["storeCreditBonusPercent"] = 10m);
        var order = await scenario.DeliveredOrderAsync(("TEE", 1));

        var rma = await scenario.ReturnAsync(order, "StoreCredit", [("TEE", 1, "TooLarge")]);
        var estimate = rma.GetProperty("refundEstimate");
        estimate.GetProperty("storeCreditBonus").GetDecimal().ShouldBe(2.00m);
        estimate.GetProperty("total").GetDecimal().ShouldBe(21.99m);

        await scenario.ApproveAsync(rma);
        await scenario.ReceiveAsync(rma);
        var completed = await scenario.InspectAsync(rma, "New", "Restock");
        completed.GetProperty("status").GetString().ShouldBe("Completed");
        completed.GetProperty("storeCreditAmount").GetDecimal().ShouldBe(21.99m);
        completed.GetProperty("refundAmount").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_line_below_the_keep_it_threshold_is_refunded_at_once_and_never_touches_stock()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        await scenario.PolicyAsync(p =>
        {
            p["keepItThreshold"] = 25m;
            p["autoApproveMaxOrderValue"] = 1000m;
        });
        var cheap = await scenario.DeliveredOrderAsync(("TEE", 1));
        var before = await scenario.StockAsync("TEE");

        var kept = await scenario.ReturnAsync(cheap, "Refund", [("TEE", 1, "NotAsDescribed")]);
        kept.GetProperty("status").GetString().ShouldBe("Completed");
        kept.GetProperty("lines")[0].GetProperty("keepIt").GetBoolean().ShouldBeTrue();
        kept.GetProperty("refundAmount").GetDecimal().ShouldBe(19.99m);
        kept.GetProperty("shipBy").ValueKind.ShouldBe(JsonValueKind.Null);
        kept.GetProperty("labelUrl").ValueKind.ShouldBe(JsonValueKind.Null);
        var after = await scenario.StockAsync("TEE");
        foreach (var figure in new[] { "onHand", "reserved", "available", "inboundReturns", "nonSellable" })
        {
            after.GetProperty(figure).GetInt32().ShouldBe(before.GetProperty(figure).GetInt32(), figure);
        }

        await (await scenario.ScanAsync(kept)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await scenario.ReturnableLineAsync(cheap, "TEE")).GetProperty("returnableQuantity").GetInt32().ShouldBe(0);

        var dearer = await scenario.DeliveredOrderAsync(("TEE", 2));
        var sentBack = await scenario.ReturnAsync(dearer, "Refund", [("TEE", 2, "NotAsDescribed")]);
        sentBack.GetProperty("status").GetString().ShouldBe("Approved");
        sentBack.GetProperty("lines")[0].GetProperty("keepIt").GetBoolean().ShouldBeFalse();
        (await scenario.StockAsync("TEE")).GetProperty("inboundReturns").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Partial_and_repeated_returns_shrink_what_is_returnable_and_a_cancelled_or_rejected_return_frees_it_again()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        var order = await scenario.DeliveredOrderAsync(("TEE", 3));

        var first = await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall")]);
        first.GetProperty("status").GetString().ShouldBe("Requested");
        (await scenario.ReturnableLineAsync(order, "TEE")).GetProperty("returnableQuantity").GetInt32().ShouldBe(2);
        var tooMany = await (await scenario.RequestAsync(order, "Refund", [("TEE", 3, "TooSmall")])).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Reasons(tooMany.GetProperty("lines")[0]).ShouldBe(["Only 2 unit(s) of this item can still be returned."]);

        var second = await scenario.ReturnAsync(order, "Refund", [("TEE", 2, "TooLarge")]);
        var exhausted = await scenario.ReturnableLineAsync(order, "TEE");
        exhausted.GetProperty("eligible").GetBoolean().ShouldBeFalse();
        exhausted.GetProperty("returnableQuantity").GetInt32().ShouldBe(0);
        Reasons(exhausted).ShouldBe(["All 3 unit(s) of this item are already on a return."]);
        await (await scenario.RequestAsync(order, "Refund", [("TEE", 1, "TooSmall")])).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        await scenario.CancelAsync(first);
        (await scenario.ReturnableLineAsync(order, "TEE")).GetProperty("returnableQuantity").GetInt32().ShouldBe(1);
        var rejected = await (await scenario.Staff.PostAsJsonAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(second)}/reject", new { reason = "Worn and washed." }))
            .ShouldBeAsync(HttpStatusCode.OK);
        rejected.GetProperty("rejectionReason").GetString().ShouldBe("Worn and washed.");
        var freed = await scenario.ReturnableLineAsync(order, "TEE");
        freed.GetProperty("eligible").GetBoolean().ShouldBeTrue();
        freed.GetProperty("returnableQuantity").GetInt32().ShouldBe(3);
        await scenario.ReturnAsync(order, "Refund", [("TEE", 3, "TooSmall")]);
    }

    [Fact]
    public async Task A_resolution_the_policy_does_not_offer_is_refused_with_422()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        await scenario.PolicyAsync(p => p["allowedResolutions"] = new JsonArray("Refund"));
        var order = await scenario.DeliveredOrderAsync(("TEE", 1));

        var refused = await (await scenario.RequestAsync(order, "StoreCredit", [("TEE", 1, "TooSmall")])).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("detail").GetString()!.ShouldContain("does not offer StoreCredit");
        await (await scenario.RequestAsync(order, "Exchange", [("TEE", 1, "TooSmall")], exchangeSku: "TEE")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall")])).GetProperty("policyVersion").GetInt32().ShouldBe(3);
    }
}
