using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;
using static OrderHub.IntegrationTests.Fulfilment.FulfilmentDriver;

namespace OrderHub.IntegrationTests.Fulfilment;

public sealed class PickListConcurrencyTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Pickers_making_lists_at_once_never_get_the_same_units_and_together_get_them_all()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.SkusAsync("TEE", "CAP");
        await driver.ReceiveAsync("TEE", "AAA-P1", 50);
        await driver.ReceiveAsync("CAP", "AAA-P2", 50);
        var orders = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            orders.Add(Id(await driver.PlaceAsync("FR", ("TEE", 1 + (i % 3)), ("CAP", 1))));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => driver.PostPickListAsync("AAA", new { max = 3 })));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.UnprocessableEntity, string.Join("\n", bodies));
        var lines = new List<(Guid Order, string Sku, string Location, int Quantity, int Picked)>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            var list = PickLines(await response.ShouldBeAsync(HttpStatusCode.Created));
            list.Select(l => l.Order).Distinct().Count().ShouldBeLessThanOrEqualTo(3);
            lines.AddRange(list);
        }

        lines.GroupBy(l => (l.Order, l.Sku, l.Location)).ShouldAllBe(g => g.Count() == 1, "no units are on two lists");
        lines.Select(l => l.Order).Distinct().Order().ShouldBe(orders.Order());
        lines.Where(l => l.Sku == "TEE").Sum(l => l.Quantity).ShouldBe(Enumerable.Range(0, 12).Sum(i => 1 + (i % 3)));
    }

    [Fact]
    public async Task Scans_racing_for_one_line_never_pick_more_than_it_has_left()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 10);
        await driver.PlaceAsync("FR", ("TEE", 3));
        var list = Id(await driver.PickListAsync("AAA"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => driver.ScanAsync(list, new { sku = "TEE" })));

        var bodies = string.Join("\n", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(3, bodies);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.UnprocessableEntity || r.StatusCode == HttpStatusCode.Conflict, bodies);
        var read = await driver.GetPickListAsync(list);
        PickLines(read).Single().Picked.ShouldBe(3);
        read.GetProperty("status").GetString().ShouldBe("Completed");
    }

    [PostgresFact]
    public async Task A_list_made_while_the_order_ships_either_misses_the_shipped_units_or_stops_the_shipment()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 40);
        var orders = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < 8; i++)
        {
            orders.Add(await driver.PlaceAsync("FR", ("TEE", 2)));
        }

        var ships = orders.Select(o => staff.PostAsJsonAsync($"/api/v1/orders/{Id(o)}/shipments",
            new { lines = new[] { new { orderLineId = LineId(o, "TEE"), quantity = 2 } } })).ToList();
        var listing = driver.PostPickListAsync("AAA", new { max = 8 });
        await Task.WhenAll([.. ships, listing]);

        var shippedOrders = new HashSet<Guid>();
        for (var i = 0; i < orders.Count; i++)
        {
            var response = await ships[i];
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                shippedOrders.Add(Id(orders[i]));
            }
        }

        var lists = new List<Guid>();
        if ((await listing).StatusCode == HttpStatusCode.Created)
        {
            lists.Add(Id(await (await listing).ShouldBeAsync(HttpStatusCode.Created)));
        }
        else
        {
            await (await listing).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        }

        foreach (var id in lists)
        {
            foreach (var line in (await driver.GetPickListAsync(id)).GetProperty("lines").EnumerateArray())
            {
                if (shippedOrders.Contains(line.GetProperty("orderId").GetGuid()))
                {
                    line.GetProperty("remaining").GetInt32().ShouldBe(0, "a shipped order's units are not left to pick");
                }
            }
        }
    }
}
