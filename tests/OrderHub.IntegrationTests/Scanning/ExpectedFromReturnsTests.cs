using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Scanning;

public sealed class ExpectedFromReturnsTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Units_on_their_way_back_are_weighted_by_the_skus_restock_history_rounded_down()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);

        // History of MUG: 4 returned units inspected, 3 restocked and 1 disposed of: a restock rate of 3/4.
        var history = await scenario.DeliveredOrderAsync(("MUG", 4));
        var restocked = await scenario.ApproveAsync(await scenario.ReturnAsync(history, "Refund", [("MUG", 3, "TooSmall")]));
        var disposed = await scenario.ApproveAsync(await scenario.ReturnAsync(history, "Refund", [("MUG", 1, "Damaged")]));
        await scenario.ReceiveAsync(restocked);
        await scenario.ReceiveAsync(disposed);
        await scenario.InspectAsync(restocked, "New", "Restock");
        await scenario.InspectAsync(disposed, "Damaged", "Dispose");

        // On their way back: 3 units of MUG (3 x 3/4 = 2.25) and 2 of SODA, which has no history yet.
        await ScannedCatalog.ApprovedReturnAsync(scenario, "MUG", 2);
        var inTransit = await scenario.DeliveredOrderAsync(("MUG", 1), ("SODA", 2));
        await scenario.ApproveAsync(await scenario.ReturnAsync(inTransit, "Refund", [("MUG", 1, "TooLarge"), ("SODA", 2, "TooLarge")]));

        var mug = await scenario.StockAsync("MUG");
        mug.GetProperty("inboundReturns").GetInt32().ShouldBe(3);
        mug.GetProperty("expectedFromReturns").GetInt32().ShouldBe(2);
        mug.GetProperty("available").GetInt32().ShouldBe(20 - 4 + 3 - 2 - 1);
        var soda = await scenario.StockAsync("SODA");
        soda.GetProperty("inboundReturns").GetInt32().ShouldBe(2);
        soda.GetProperty("expectedFromReturns").GetInt32().ShouldBe(2);
        (await scenario.StockAsync("GUM")).GetProperty("expectedFromReturns").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task The_stock_change_that_announces_units_on_their_way_back_carries_the_same_expectation_as_a_read()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);
        var history = await scenario.DeliveredOrderAsync(("JEANS", 2));
        var rma = await scenario.ApproveAsync(await scenario.ReturnAsync(history, "Refund", [("JEANS", 2, "TooSmall")]));
        await scenario.ReceiveAsync(rma);
        await (await scenario.Staff.PostAsJsonAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(rma)}/inspection", new
        {
            lines = new[] { new { returnLineId = rma.GetProperty("lines")[0].GetProperty("id").GetGuid(), condition = "New", disposition = "Refurbish" } },
        })).ShouldBeAsync(HttpStatusCode.OK);

        var returning = await scenario.DeliveredOrderAsync(("JEANS", 5));
        await scenario.ApproveAsync(await scenario.ReturnAsync(returning, "Refund", [("JEANS", 5, "TooSmall")]));

        // Nothing of JEANS was ever restocked: none of the 5 units coming back is expected to be sellable.
        var read = await scenario.StockAsync("JEANS");
        read.GetProperty("inboundReturns").GetInt32().ShouldBe(5);
        read.GetProperty("expectedFromReturns").GetInt32().ShouldBe(0);
        var announced = (await App.OutboxAsync("inventory")).Last(m => m.Payload.Contains("\"ReturnExpected\"", StringComparison.Ordinal)).Payload;
        announced.ShouldContain("\"expectedFromReturns\":0", Case.Insensitive);
        announced.ShouldContain("\"inboundReturns\":5", Case.Insensitive);
    }
}
