using System.Net;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Returns;

public sealed class ExchangeTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    [Fact]
    public async Task Approving_an_exchange_reserves_the_replacement_and_cancelling_it_releases_the_reservation()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("TEE-L", 3));
        var order = await scenario.DeliveredOrderAsync(("TEE", 2));
        var rma = await scenario.ReturnAsync(order, "Exchange", [("TEE", 2, "TooSmall")], exchangeSku: "TEE-L");
        (await scenario.StockAsync("TEE-L")).GetProperty("reserved").GetInt32().ShouldBe(0);

        await scenario.ApproveAsync(rma);
        var reserved = await scenario.StockAsync("TEE-L");
        reserved.GetProperty("reserved").GetInt32().ShouldBe(2);
        reserved.GetProperty("available").GetInt32().ShouldBe(1);
        (await scenario.StockAsync("TEE")).GetProperty("inboundReturns").GetInt32().ShouldBe(2);

        var cancelled = await scenario.CancelAsync(rma);
        cancelled.GetProperty("status").GetString().ShouldBe("Cancelled");
        var released = await scenario.StockAsync("TEE-L");
        released.GetProperty("reserved").GetInt32().ShouldBe(0);
        released.GetProperty("available").GetInt32().ShouldBe(3);
        (await scenario.StockAsync("TEE")).GetProperty("inboundReturns").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_completed_exchange_places_an_order_for_the_replacement_that_keeps_its_reservation()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("TEE-L", 3));
        var order = await scenario.DeliveredOrderAsync(("TEE", 1));
        var rma = await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Exchange", [("TEE", 1, "TooSmall")], exchangeSku: "TEE-L"));
        var approved = await scenario.StockAsync("TEE-L");
        approved.GetProperty("reserved").GetInt32().ShouldBe(1);

        await scenario.ReceiveAsync(rma);
        var completed = await scenario.InspectAsync(rma, "New", "Restock");
        completed.GetProperty("status").GetString().ShouldBe("Completed");
        var number = completed.GetProperty("exchangeOrderNumber").GetString();
        number.ShouldNotBeNullOrWhiteSpace();
        (await scenario.GetAsync(rma)).GetProperty("exchangeOrderNumber").GetString().ShouldBe(number);

        var exchangeOrder = await (await scenario.Staff.GetAsync($"/api/v1/orders/by-number/{number}")).ShouldBeAsync(HttpStatusCode.OK);
        exchangeOrder.GetProperty("status").GetString().ShouldBe("Confirmed");
        exchangeOrder.GetProperty("customer").GetProperty("email").GetString().ShouldBe(order.Email);
        var line = exchangeOrder.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        line.GetProperty("sku").GetString().ShouldBe("TEE-L");
        line.GetProperty("quantity").GetInt32().ShouldBe(1);

        var replacement = await scenario.StockAsync("TEE-L");
        replacement.GetProperty("reserved").GetInt32().ShouldBe(1);
        replacement.GetProperty("onHand").GetInt32().ShouldBe(3);
        replacement.GetProperty("available").GetInt32().ShouldBe(2);
        await (await scenario.Staff.PostAsync($"/api/v1/orders/{exchangeOrder.GetProperty("id").GetGuid()}/cancel", null)).ShouldBeAsync(HttpStatusCode.OK);
        (await scenario.StockAsync("TEE-L")).GetProperty("reserved").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task An_exchange_for_a_replacement_out_of_stock_cannot_be_approved_and_reserves_nothing()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("TEE-L", 1));
        var order = await scenario.DeliveredOrderAsync(("TEE", 2));
        var rma = await scenario.ReturnAsync(order, "Exchange", [("TEE", 2, "TooSmall")], exchangeSku: "TEE-L");

        var refused = await (await scenario.Staff.PostAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(rma)}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("TEE-L");
        (await scenario.GetAsync(rma)).GetProperty("status").GetString().ShouldBe("Requested");
        (await scenario.StockAsync("TEE-L")).GetProperty("reserved").GetInt32().ShouldBe(0);
        (await scenario.StockAsync("TEE")).GetProperty("inboundReturns").GetInt32().ShouldBe(0);
    }
}
