using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Returns;

/// <summary>One RMA for items of several orders of one customer: one label, one parcel, one dock scan, each line judged by its own order.</summary>
public sealed class ConsolidatedReturnTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    private static Task<HttpResponseMessage> RequestAsync(
        HttpClient client, string resolution, (ReturnScenario.DeliveredOrder Order, string Sku, int Quantity, string Reason)[] lines, string? exchangeSku = null) =>
        client.PostAsJsonAsync(ReturnScenario.Returns, new
        {
            lines = lines.Select(l => new { orderId = l.Order.Id, orderLineId = l.Order.LineIds[l.Sku], quantity = l.Quantity, reasonCode = l.Reason }).ToArray(),
            resolution,
            exchangeSku,
        });

    private static JsonElement Line(JsonElement rma, string sku) => rma.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == sku);

    private async Task<HttpClient> PortalAsync(ReturnScenario scenario, ReturnScenario.DeliveredOrder order)
    {
        var session = await (await scenario.Staff.PostAsJsonAsync("/api/v1/portal/sessions", new { orderNumber = order.Number, email = order.Email }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var customer = App.Anonymous();
        customer.DefaultRequestHeaders.Add("X-Portal-Token", session.GetProperty("token").GetString());
        return customer;
    }

    [Fact]
    public async Task Items_of_two_orders_go_back_in_one_rma_with_one_label_one_dock_scan_and_each_line_refunded_at_its_own_orders_price()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("CAP", 10));
        var first = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 2)], unitPrice: 10m);
        var second = await scenario.DeliveredOrderAsync("ada@example.com", null, [("CAP", 1)], unitPrice: 30m);

        var rma = await (await RequestAsync(scenario.Staff, "Refund", [(first, "TEE", 2, "TooSmall"), (second, "CAP", 1, "Defective")]))
            .ShouldBeAsync(HttpStatusCode.Created);

        rma.GetProperty("orderId").GetGuid().ShouldBe(first.Id);
        rma.GetProperty("orderNumber").GetString().ShouldBe(first.Number);
        Line(rma, "TEE").GetProperty("orderId").GetGuid().ShouldBe(first.Id);
        Line(rma, "TEE").GetProperty("orderNumber").GetString().ShouldBe(first.Number);
        Line(rma, "TEE").GetProperty("unitPrice").GetDecimal().ShouldBe(10m);
        Line(rma, "CAP").GetProperty("orderId").GetGuid().ShouldBe(second.Id);
        Line(rma, "CAP").GetProperty("orderNumber").GetString().ShouldBe(second.Number);
        Line(rma, "CAP").GetProperty("unitPrice").GetDecimal().ShouldBe(30m);
        rma.GetProperty("refundEstimate").GetProperty("itemsValue").GetDecimal().ShouldBe(50m);
        (await scenario.ReturnableLineAsync(second, "CAP")).GetProperty("returnableQuantity").GetInt32().ShouldBe(0);
        (await scenario.ReturnableLineAsync(first, "TEE")).GetProperty("returnableQuantity").GetInt32().ShouldBe(0);
        var bySecondOrder = await (await scenario.Staff.GetAsync($"{ReturnScenario.Returns}?orderId={second.Id}")).ShouldBeAsync(HttpStatusCode.OK);
        bySecondOrder.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("rmaNumber").GetString()).ShouldBe([rma.GetProperty("rmaNumber").GetString()]);

        var approved = await scenario.ApproveAsync(rma);
        approved.GetProperty("labelUrl").GetString().ShouldBe($"{ReturnScenario.Returns}/{ReturnScenario.Id(rma)}/label");
        var zpl = await (await scenario.Staff.GetAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(rma)}/label?format=zpl")).Content.ReadAsStringAsync();
        zpl.ShouldContain(first.Number);
        zpl.ShouldContain(second.Number);
        (await scenario.StockAsync("TEE")).GetProperty("inboundReturns").GetInt32().ShouldBe(2);
        (await scenario.StockAsync("CAP")).GetProperty("inboundReturns").GetInt32().ShouldBe(1);

        var received = await scenario.ReceiveAsync(rma);
        received.GetProperty("status").GetString().ShouldBe("Received");
        foreach (var (sku, units) in new[] { ("TEE", 2), ("CAP", 1) })
        {
            var stock = await scenario.StockAsync(sku);
            stock.GetProperty("inboundReturns").GetInt32().ShouldBe(0);
            stock.GetProperty("nonSellable").GetInt32().ShouldBe(units);
        }

        await (await scenario.ScanAsync(rma)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var completed = await scenario.InspectAsync(received, "New", "Restock");
        completed.GetProperty("status").GetString().ShouldBe("Completed");
        completed.GetProperty("refundAmount").GetDecimal().ShouldBe(50m);
        Line(completed, "TEE").GetProperty("refundAmount").GetDecimal().ShouldBe(20m);
        Line(completed, "CAP").GetProperty("refundAmount").GetDecimal().ShouldBe(30m);
    }

    [Fact]
    public async Task A_line_past_its_own_orders_window_is_refused_with_the_reason_while_the_other_orders_line_is_fine()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("CAP", 10));
        await scenario.PolicyAsync(p => p["windowDays"] = 14);
        var old = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 1)]);
        var deadline = (await scenario.ReturnableLineAsync(old, "TEE")).GetProperty("deadline").GetDateTime();
        App.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await scenario.DeliveredOrderAsync("ada@example.com", null, [("CAP", 1)]);

        var refused = await (await RequestAsync(scenario.Staff, "Refund", [(old, "TEE", 1, "TooSmall"), (recent, "CAP", 1, "TooSmall")]))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("code").GetString().ShouldBe("not-returnable");
        var line = refused.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        line.GetProperty("orderId").GetGuid().ShouldBe(old.Id);
        line.GetProperty("orderNumber").GetString().ShouldBe(old.Number);
        line.GetProperty("orderLineId").GetGuid().ShouldBe(old.LineIds["TEE"]);
        line.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe([$"The 14-day return window for this item closed on {deadline:yyyy-MM-dd}."]);
        (await scenario.ReturnableLineAsync(recent, "CAP")).GetProperty("returnableQuantity").GetInt32().ShouldBe(1);

        var accepted = await (await RequestAsync(scenario.Staff, "Refund", [(recent, "CAP", 1, "TooSmall")])).ShouldBeAsync(HttpStatusCode.Created);
        accepted.GetProperty("orderId").GetGuid().ShouldBe(recent.Id);
    }

    [Fact]
    public async Task Orders_of_different_customers_or_currencies_or_an_exchange_across_orders_are_refused_and_nothing_is_stored()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("CAP", 10));
        var ada = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 1)]);
        var bob = await scenario.DeliveredOrderAsync("bob@example.com", null, [("CAP", 1)]);
        var adaInFrancs = await scenario.DeliveredOrderAsync("ada@example.com", null, [("CAP", 1)], currency: "CHF");
        var adaAgain = await scenario.DeliveredOrderAsync("ada@example.com", null, [("CAP", 1)]);

        var strangers = await (await RequestAsync(scenario.Staff, "Refund", [(ada, "TEE", 1, "TooSmall"), (bob, "CAP", 1, "TooSmall")]))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        strangers.GetProperty("code").GetString().ShouldBe("different-customers");
        strangers.GetProperty("detail").GetString()!.ShouldContain(bob.Number);
        var bobsEntry = strangers.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("orderId").GetGuid() == bob.Id);
        bobsEntry.GetProperty("orderLineIds").EnumerateArray().Select(l => l.GetGuid()).ShouldBe([bob.LineIds["CAP"]]);
        bobsEntry.GetProperty("sameCustomerAsFirst").GetBoolean().ShouldBeFalse();

        var currencies = await (await RequestAsync(scenario.Staff, "Refund", [(ada, "TEE", 1, "TooSmall"), (adaInFrancs, "CAP", 1, "TooSmall")]))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        currencies.GetProperty("code").GetString().ShouldBe("mixed-currencies");
        currencies.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("currency").GetString()).ShouldBe(["EUR", "CHF"]);

        var exchange = await (await RequestAsync(scenario.Staff, "Exchange", [(ada, "TEE", 1, "TooSmall"), (adaAgain, "CAP", 1, "TooSmall")], exchangeSku: "CAP"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        exchange.GetProperty("code").GetString().ShouldBe("exchange-across-orders");

        var stored = await (await scenario.Staff.GetAsync(ReturnScenario.Returns)).ShouldBeAsync(HttpStatusCode.OK);
        stored.GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await scenario.StockAsync("TEE")).GetProperty("inboundReturns").GetInt32().ShouldBe(0);

        var missingOrder = await scenario.Staff.PostAsJsonAsync(ReturnScenario.Returns, new
        {
            lines = new object[]
            {
                new { orderId = ada.Id, orderLineId = ada.LineIds["TEE"], quantity = 1, reasonCode = "TooSmall" },
                new { orderLineId = adaAgain.LineIds["CAP"], quantity = 1, reasonCode = "TooSmall" },
            },
            resolution = "Refund",
        });
        (await missingOrder.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("orderId").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_portal_session_sees_and_returns_its_customers_other_orders_but_never_another_customers()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("CAP", 10));
        var opened = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 1)]);
        var other = await scenario.DeliveredOrderAsync("ada@example.com", null, [("CAP", 2)]);
        var otherShop = await scenario.DeliveredOrderAsync("ada@example.com", null, [("CAP", 1)], storefront: "us");
        var bobs = await scenario.DeliveredOrderAsync("bob@example.com", null, [("CAP", 1)]);
        var bobsReturn = await scenario.ReturnAsync(bobs, "Refund", [("CAP", 1, "TooSmall")]);
        using var customer = await PortalAsync(scenario, opened);

        var orders = await (await customer.GetAsync("/api/v1/portal/orders")).ShouldBeAsync(HttpStatusCode.OK);
        orders.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderNumber").GetString()).ShouldBe([other.Number, opened.Number], ignoreOrder: true);
        var listed = orders.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("orderId").GetGuid() == other.Id);
        listed.GetProperty("lines")[0].GetProperty("returnableQuantity").GetInt32().ShouldBe(2);
        (await scenario.ReturnableLineAsync(other, "CAP", customer)).GetProperty("eligible").GetBoolean().ShouldBeTrue();
        await (await customer.GetAsync($"/api/v1/orders/{bobs.Id}/returnable-lines")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await customer.GetAsync($"/api/v1/orders/{otherShop.Id}/returnable-lines")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await (await RequestAsync(customer, "Refund", [(opened, "TEE", 1, "TooSmall"), (bobs, "CAP", 1, "TooSmall")])).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var rma = await (await RequestAsync(customer, "Refund", [(opened, "TEE", 1, "TooSmall"), (other, "CAP", 2, "TooLarge")])).ShouldBeAsync(HttpStatusCode.Created);
        rma.GetProperty("customerEmail").GetString().ShouldBe("ada@example.com");
        rma.GetProperty("lines").GetArrayLength().ShouldBe(2);

        var mine = await (await customer.GetAsync(ReturnScenario.Returns)).ShouldBeAsync(HttpStatusCode.OK);
        mine.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("rmaNumber").GetString()).ShouldBe([rma.GetProperty("rmaNumber").GetString()]);
        await (await customer.GetAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(bobsReturn)}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var nothingLeft = await (await customer.GetAsync("/api/v1/portal/orders")).ShouldBeAsync(HttpStatusCode.OK);
        nothingLeft.GetProperty("totalCount").GetInt32().ShouldBe(0);

        using var bob = await PortalAsync(scenario, bobs);
        await (await bob.GetAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(rma)}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var bobsOrders = await (await bob.GetAsync("/api/v1/portal/orders")).ShouldBeAsync(HttpStatusCode.OK);
        bobsOrders.GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await scenario.Staff.GetAsync("/api/v1/portal/orders")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
    }
}
