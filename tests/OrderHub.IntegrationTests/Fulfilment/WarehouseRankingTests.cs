using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Fulfilment;

public sealed class WarehouseRankingTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Warehouses_are_listed_with_address_and_priority_in_allocation_order()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.WarehouseAsync("BBB", "DE");

        var ranked = await (await staff.PutAsJsonAsync("/api/v1/warehouses/BBB/priority", new { priority = 5 })).ShouldBeAsync(HttpStatusCode.OK);
        ranked.GetProperty("priority").GetInt32().ShouldBe(5);

        var list = await (await staff.GetAsync("/api/v1/warehouses")).ShouldBeAsync(HttpStatusCode.OK);
        list.GetProperty("totalCount").GetInt32().ShouldBe(2);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Select(w => (w.GetProperty("code").GetString(), w.GetProperty("priority").GetInt32())).ShouldBe([("BBB", 5), ("AAA", 100)]);
        items[0].GetProperty("address").GetProperty("country").GetString().ShouldBe("DE");
        (await (await staff.GetAsync("/api/v1/warehouses/AAA")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("priority").GetInt32().ShouldBe(100);
    }

    [Fact]
    public async Task A_priority_for_an_unknown_warehouse_is_404_and_a_bad_one_is_400()
    {
        using var staff = App.Admin();
        await new FulfilmentDriver(staff).WarehouseAsync("AAA", "FR");

        await (await staff.PutAsJsonAsync("/api/v1/warehouses/NOPE/priority", new { priority = 1 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        foreach (var body in new object[] { new { priority = -1 }, new { priority = 1_000_001 }, new { }, new { priority = "high" } })
        {
            await (await staff.PutAsJsonAsync("/api/v1/warehouses/AAA/priority", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        (await (await staff.GetAsync("/api/v1/warehouses/AAA")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("priority").GetInt32().ShouldBe(100);
        using var partner = await App.ClientForRoleAsync("partner");
        (await partner.PutAsJsonAsync("/api/v1/warehouses/AAA/priority", new { priority = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_new_priority_steers_the_next_order()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.WarehouseAsync("BBB", "FR");
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 10);
        await driver.ReceiveAsync("TEE", "BBB-P1", 10);

        var before = await driver.PlaceAsync("FR", ("TEE", 1));
        await (await staff.PutAsJsonAsync("/api/v1/warehouses/BBB/priority", new { priority = 1 })).ShouldBeAsync(HttpStatusCode.OK);
        var after = await driver.PlaceAsync("FR", ("TEE", 1));

        (await driver.AllocatedAsync(FulfilmentDriver.Id(before), "TEE")).ShouldBe([("AAA", "AAA-P1", 1)]);
        (await driver.AllocatedAsync(FulfilmentDriver.Id(after), "TEE")).ShouldBe([("BBB", "BBB-P1", 1)], "the cached ranks were dropped when the priority changed");
    }
}
