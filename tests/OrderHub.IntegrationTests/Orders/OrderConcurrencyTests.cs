using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;
using static OrderHub.IntegrationTests.Orders.OrderRequests;

namespace OrderHub.IntegrationTests.Orders;

public sealed class OrderConcurrencyTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Two_hundred_concurrent_orders_for_fifty_units_reserve_exactly_fifty()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("HOT", 50));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            staff.PostAsJsonAsync("/api/v1/orders", Order($"buyer{i}@example.com", null, ("HOT", 1)))));

        var answers = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(50, answers);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(150, answers);
        var stock = await StockSetup.StockAsync(staff, "HOT");
        stock.GetProperty("onHand").GetInt32().ShouldBe(50);
        stock.GetProperty("reserved").GetInt32().ShouldBe(50);
        stock.GetProperty("available").GetInt32().ShouldBe(0);

        var movements = await (await staff.GetAsync("/api/v1/inventory/HOT/movements?pageSize=200")).ShouldBeAsync(HttpStatusCode.OK);
        var items = movements.ValueKind == System.Text.Json.JsonValueKind.Array ? movements : movements.GetProperty("items");
        items.EnumerateArray().Where(m => m.GetProperty("locationCode").GetString() == "W1-PICK")
            .Sum(m => m.GetProperty("quantity").GetInt32()).ShouldBe(50);
        var orders = await (await staff.GetAsync("/api/v1/orders?pageSize=200")).ShouldBeAsync(HttpStatusCode.OK);
        orders.GetProperty("totalCount").GetInt32().ShouldBe(50);
    }
}
