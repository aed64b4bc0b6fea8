using System.Net;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Inventory.Contracts;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>
/// A long random but reproducible sequence of every kind of stock change, checked against a model kept by
/// the test and against the ledger invariants.
/// </summary>
public sealed class StockLedgerSequenceTests(OrderHubApp app) : IntegrationTest(app)
{
    private static readonly string[] Skus = ["SKU-A", "SKU-B"];
    private static readonly string[] Locations = ["W1-PICK", "W1-BULK", "W1-RECV", "W1-QUAR", "W1-DMG"];
    private static readonly string[] Reasons = ["Correction", "CycleCount", "Damaged", "Shrinkage", "Found"];

    [Fact]
    public async Task Three_hundred_and_fifty_random_changes_keep_the_ledger_and_the_figures_consistent()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.CreateSkuAsync("SKU-B");
        var random = new Random(20261122);
        var onHand = Skus.SelectMany(s => Locations.Select(l => (s, l))).ToDictionary(k => k, _ => 0);
        var held = new Dictionary<(string Reference, string Sku), int>();
        var refused = 0;

        for (var step = 0; step < 350; step++)
        {
            var sku = Skus[random.Next(Skus.Length)];
            var location = Locations[random.Next(Locations.Length)];
            switch (random.Next(6))
            {
                case 0:
                    var quantity = random.Next(1, 12);
                    await driver.ReceiveOkAsync(sku, location, quantity);
                    onHand[(sku, location)] += quantity;
                    break;
                case 1:
                    var delta = random.Next(1, 6) * (random.Next(2) == 0 ? -1 : 1);
                    if (await Applied(await driver.AdjustAsync(sku, location, delta, Reasons[random.Next(Reasons.Length)])))
                    {
                        onHand[(sku, location)] += delta;
                    }
                    else
                    {
                        refused++;
                    }

                    break;
                case 2:
                    var to = Locations[random.Next(Locations.Length)];
                    var moving = random.Next(1, 6);
                    if (to != location && await Applied(await driver.TransferAsync(sku, location, to, moving)))
                    {
                        onHand[(sku, location)] -= moving;
                        onHand[(sku, to)] += moving;
                    }

                    break;
                case 3:
                    var reference = $"order-{step}";
                    var wanted = random.Next(1, 7);
                    var result = await driver.SendAsync(new ReserveStockCommand(reference, [new StockLine(sku, wanted)], "sequence"));
                    if (result.Succeeded)
                    {
                        held[(reference, sku)] = wanted;
                    }
                    else
                    {
                        result.Shortages.Single().Requested.ShouldBe(wanted);
                        refused++;
                    }

                    break;
                case 4 when held.Count > 0:
                    var (releaseRef, releaseSku) = held.Keys.ElementAt(random.Next(held.Count));
                    var all = random.Next(2) == 0;
                    var releasing = all ? held[(releaseRef, releaseSku)] : random.Next(1, held[(releaseRef, releaseSku)] + 1);
                    await driver.SendAsync(new ReleaseReservationCommand(releaseRef, all ? null : [new StockLine(releaseSku, releasing)], "sequence"));
                    Take(held, (releaseRef, releaseSku), releasing);
                    break;
                case 5 when held.Count > 0:
                    var (shipRef, shipSku) = held.Keys.ElementAt(random.Next(held.Count));
                    var shipping = random.Next(1, held[(shipRef, shipSku)] + 2);
                    try
                    {
                        await driver.SendAsync(new ConsumeReservationCommand(shipRef, [new StockLine(shipSku, shipping)], "sequence"));
                    }
                    catch (ConflictException)
                    {
                        shipping.ShouldBeGreaterThan(held[(shipRef, shipSku)]);
                        refused++;
                        break;
                    }

                    Take(held, (shipRef, shipSku), shipping);
                    var stock = await driver.StockAsync(shipSku);
                    foreach (var l in Locations)
                    {
                        onHand[(shipSku, l)] = stock.Locations.SingleOrDefault(x => x.LocationCode == l)?.OnHand ?? 0;
                    }

                    break;
            }

            if (step % 50 == 49)
            {
                await ShouldMatchAsync(driver, onHand, held);
            }
        }

        await ShouldMatchAsync(driver, onHand, held);
        refused.ShouldBeGreaterThan(0, "the sequence also exercised refusals");
    }

    private static async Task<bool> Applied(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        return response.StatusCode == HttpStatusCode.Created;
    }

    private static void Take(Dictionary<(string, string), int> held, (string, string) key, int quantity)
    {
        held[key] -= quantity;
        if (held[key] == 0)
        {
            held.Remove(key);
        }
    }

    private static async Task ShouldMatchAsync(InventoryDriver driver, Dictionary<(string Sku, string Location), int> onHand, Dictionary<(string Reference, string Sku), int> held)
    {
        foreach (var sku in Skus)
        {
            var stock = await driver.ShouldBalanceAsync(sku);
            foreach (var location in Locations)
            {
                (stock.Locations.SingleOrDefault(l => l.LocationCode == location)?.OnHand ?? 0).ShouldBe(onHand[(sku, location)], $"{sku} in {location}");
            }

            stock.Reserved.ShouldBe(held.Where(h => h.Key.Sku == sku).Sum(h => h.Value), $"reserved of {sku}");
        }
    }
}
