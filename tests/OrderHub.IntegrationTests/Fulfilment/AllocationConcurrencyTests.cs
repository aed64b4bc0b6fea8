using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Fulfilment;

public sealed class AllocationConcurrencyTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Racing_orders_for_stock_in_two_warehouses_never_oversell_and_their_allocations_are_the_reservations()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR", priority: 1);
        await driver.WarehouseAsync("BBB", "DE", priority: 2);
        await driver.SkusAsync("TEE", "CAP");
        await driver.ReceiveAsync("TEE", "AAA-P1", 12);
        await driver.ReceiveAsync("TEE", "AAA-B1", 8);
        await driver.ReceiveAsync("TEE", "BBB-P1", 15);
        await driver.ReceiveAsync("CAP", "AAA-P2", 6);
        await driver.ReceiveAsync("CAP", "BBB-P1", 14);

        var random = new Random(26);
        var requests = Enumerable.Range(0, 80)
            .Select(i => FulfilmentDriver.Order(i % 3 == 0 ? "DE" : "FR", [("TEE", random.Next(1, 4)), ("CAP", random.Next(1, 3))]))
            .ToList();
        var responses = await Task.WhenAll(requests.Select(r => staff.PostAsJsonAsync("/api/v1/orders", r)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        var placed = new List<Guid>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            placed.Add(FulfilmentDriver.Id(await response.ShouldBeAsync(HttpStatusCode.Created)));
        }

        placed.Count.ShouldBeGreaterThan(5);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeGreaterThan(0, "the orders ask for more than there is");

        var allocated = new Dictionary<(string Sku, string Location), int>();
        foreach (var id in placed)
        {
            foreach (var line in (await driver.AllocationsAsync(id)).GetProperty("lines").EnumerateArray())
            {
                var sku = line.GetProperty("sku").GetString()!;
                line.GetProperty("allocations").EnumerateArray().Sum(a => a.GetProperty("quantity").GetInt32())
                    .ShouldBe(line.GetProperty("quantity").GetInt32(), "every unit of a line is allocated");
                foreach (var allocation in line.GetProperty("allocations").EnumerateArray())
                {
                    var key = (sku, allocation.GetProperty("locationCode").GetString()!);
                    allocated[key] = allocated.GetValueOrDefault(key) + allocation.GetProperty("quantity").GetInt32();
                }
            }
        }

        using var inventory = new Inventory.InventoryDriver(App);
        foreach (var sku in new[] { "TEE", "CAP" })
        {
            var stock = await inventory.ShouldBalanceAsync(sku);
            stock.Available.ShouldBeGreaterThanOrEqualTo(0);
            foreach (var location in stock.Locations)
            {
                location.Reserved.ShouldBeLessThanOrEqualTo(location.OnHand, $"{location.LocationCode} is not oversold");
                location.Reserved.ShouldBe(allocated.GetValueOrDefault((sku, location.LocationCode)), $"allocations in {location.LocationCode} are its reservations");
            }
        }
    }
}
