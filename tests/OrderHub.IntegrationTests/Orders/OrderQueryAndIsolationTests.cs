using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;
using static OrderHub.IntegrationTests.Orders.OrderRequests;

namespace OrderHub.IntegrationTests.Orders;

public sealed class OrderQueryAndIsolationTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Orders_are_found_by_id_number_and_filters_with_paging_and_sort()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 50));
        var a = await (await staff.PostAsJsonAsync("/api/v1/orders", Order("ann@example.com", "eu", ("TEE-S", 1)))).ShouldBeAsync(HttpStatusCode.Created);
        var b = await (await staff.PostAsJsonAsync("/api/v1/orders", Order("bob@example.com", "us", ("TEE-S", 1)))).ShouldBeAsync(HttpStatusCode.Created);
        var c = await (await staff.PostAsJsonAsync("/api/v1/orders", Order("Ann@Example.com", "eu", ("TEE-S", 1)))).ShouldBeAsync(HttpStatusCode.Created);
        await (await staff.PostAsync($"/api/v1/orders/{b.GetProperty("id").GetGuid()}/cancel", null)).ShouldBeAsync(HttpStatusCode.OK);

        var byNumber = await (await staff.GetAsync($"/api/v1/orders/by-number/{a.GetProperty("number").GetString()}")).ShouldBeAsync(HttpStatusCode.OK);
        byNumber.GetProperty("id").GetGuid().ShouldBe(a.GetProperty("id").GetGuid());

        var ann = await (await staff.GetAsync("/api/v1/orders?customerEmail=ANN@example.com&sort=number")).ShouldBeAsync(HttpStatusCode.OK);
        ann.GetProperty("totalCount").GetInt32().ShouldBe(2);
        ann.GetProperty("items")[0].GetProperty("number").GetString().ShouldBe(a.GetProperty("number").GetString());
        ann.GetProperty("items")[1].GetProperty("number").GetString().ShouldBe(c.GetProperty("number").GetString());

        var cancelled = await (await staff.GetAsync("/api/v1/orders?status=Cancelled")).ShouldBeAsync(HttpStatusCode.OK);
        cancelled.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ShouldBe([b.GetProperty("id").GetGuid()]);

        var eu = await (await staff.GetAsync("/api/v1/orders?storefront=eu&pageSize=1&page=2&sort=-number")).ShouldBeAsync(HttpStatusCode.OK);
        eu.GetProperty("totalCount").GetInt32().ShouldBe(2);
        eu.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(a.GetProperty("id").GetGuid());

        var future = DateTime.UtcNow.AddHours(1).ToString("O");
        var none = await (await staff.GetAsync($"/api/v1/orders?createdFrom={Uri.EscapeDataString(future)}")).ShouldBeAsync(HttpStatusCode.OK);
        none.GetProperty("totalCount").GetInt32().ShouldBe(0);
        var past = DateTime.UtcNow.AddHours(-1).ToString("O");
        var all = await (await staff.GetAsync($"/api/v1/orders?createdFrom={Uri.EscapeDataString(past)}&createdTo={Uri.EscapeDataString(future)}")).ShouldBeAsync(HttpStatusCode.OK);
        all.GetProperty("totalCount").GetInt32().ShouldBe(3);

        await (await staff.GetAsync("/api/v1/orders?sort=price")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await staff.GetAsync("/api/v1/orders?status=Lost")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_storefront_key_sees_and_changes_only_its_own_orders()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 50));
        using var eu = await App.ClientForRoleAsync("storefront", "eu");
        using var us = await App.ClientForRoleAsync("storefront", "us");

        var euOrder = await (await eu.PostAsJsonAsync("/api/v1/orders", Order(("TEE-S", 1)))).ShouldBeAsync(HttpStatusCode.Created);
        euOrder.GetProperty("storefront").GetString().ShouldBe("eu");
        var euId = euOrder.GetProperty("id").GetGuid();
        await (await eu.PostAsJsonAsync("/api/v1/orders", Order("x@example.com", "us", ("TEE-S", 1)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await StockSetup.StockAsync(staff, "TEE-S")).GetProperty("reserved").GetInt32().ShouldBe(1);

        await (await us.GetAsync($"/api/v1/orders/{euId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await us.GetAsync($"/api/v1/orders/{euId}/timeline")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await us.GetAsync($"/api/v1/orders/by-number/{euOrder.GetProperty("number").GetString()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await us.PostAsync($"/api/v1/orders/{euId}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var usList = await (await us.GetAsync("/api/v1/orders")).ShouldBeAsync(HttpStatusCode.OK);
        usList.GetProperty("totalCount").GetInt32().ShouldBe(0);
        var usFiltered = await (await us.GetAsync("/api/v1/orders?storefront=eu")).ShouldBeAsync(HttpStatusCode.OK);
        usFiltered.GetProperty("totalCount").GetInt32().ShouldBe(0);

        (await (await eu.GetAsync($"/api/v1/orders/{euId}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("id").GetGuid().ShouldBe(euId);
        await (await eu.PostAsJsonAsync($"/api/v1/orders/{euId}/shipments", new { lines = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await eu.PostAsync($"/api/v1/orders/{euId}/cancel", null)).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_partner_key_reads_orders_but_cannot_change_them()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 5));
        var order = await (await staff.PostAsJsonAsync("/api/v1/orders", Order(("TEE-S", 1)))).ShouldBeAsync(HttpStatusCode.Created);
        using var partner = await App.ClientForRoleAsync("partner");

        (await partner.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await partner.GetAsync("/api/v1/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await partner.PostAsJsonAsync("/api/v1/orders", Order(("TEE-S", 1)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.PostAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await StockSetup.StockAsync(staff, "TEE-S")).GetProperty("reserved").GetInt32().ShouldBe(1);
    }
}
