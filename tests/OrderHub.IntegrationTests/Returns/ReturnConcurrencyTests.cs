using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Returns;

public sealed class ReturnConcurrencyTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Two_people_receiving_and_inspecting_the_same_return_at_once_move_the_stock_once()
    {
        using var first = App.Admin();
        using var second = await App.ClientForRoleAsync("staff");
        var order = await ReturnFlowTests.DeliveredOrderAsync(App, first);
        var teeLine = order.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("sku").GetString() == "TEE-S").GetProperty("id").GetGuid();
        var rma = await (await first.PostAsJsonAsync("/api/v1/returns", new
        {
            orderId = order.GetProperty("id").GetGuid(),
            lines = new[] { new { orderLineId = teeLine, quantity = 2, reasonCode = "TooLarge" } },
            resolution = "Refund",
        })).ShouldBeAsync(HttpStatusCode.Created);
        var number = rma.GetProperty("rmaNumber").GetString();
        var id = rma.GetProperty("id").GetGuid();

        var receipts = await Task.WhenAll(
            first.PostAsJsonAsync("/api/v1/returns/receipts", new { rmaNumber = number }),
            second.PostAsJsonAsync("/api/v1/returns/receipts", new { rmaNumber = number }));
        receipts.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        await receipts.Single(r => r.StatusCode != HttpStatusCode.Created).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var stock = await StockSetup.StockAsync(first, "TEE-S");
        stock.GetProperty("nonSellable").GetInt32().ShouldBe(2);
        stock.GetProperty("inboundReturns").GetInt32().ShouldBe(0);

        var lineId = (await (await first.GetAsync($"/api/v1/returns/{id}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("lines")[0].GetProperty("id").GetGuid();
        var grading = new { lines = new[] { new { returnLineId = lineId, condition = "LikeNew", disposition = "Restock" } } };
        var inspections = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/v1/returns/{id}/inspection", grading),
            second.PostAsJsonAsync($"/api/v1/returns/{id}/inspection", grading));
        inspections.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        await inspections.Single(r => r.StatusCode != HttpStatusCode.OK).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        stock = await StockSetup.StockAsync(first, "TEE-S");
        stock.GetProperty("available").GetInt32().ShouldBe(9);
        stock.GetProperty("onHand").GetInt32().ShouldBe(9);
        stock.GetProperty("nonSellable").GetInt32().ShouldBe(0);
        var movements = await (await first.GetAsync("/api/v1/inventory/TEE-S/movements?pageSize=200")).ShouldBeAsync(HttpStatusCode.OK);
        var rows = movements.GetProperty("items").EnumerateArray().Where(m => m.GetProperty("reference").GetString() == number).ToList();
        rows.Where(m => m.GetProperty("locationCode").GetString() == "W1-RET").Sum(m => m.GetProperty("quantity").GetInt32()).ShouldBe(0);
        // No pick face is set for TEE-S, so the putaway rule restocks into Bulk.
        rows.Where(m => m.GetProperty("locationCode").GetString() == "W1-BULK").Sum(m => m.GetProperty("quantity").GetInt32()).ShouldBe(2);
    }
}
