using System.Collections.Concurrent;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Inventory.Contracts;

namespace OrderHub.IntegrationTests.Inventory;

public sealed class ReservationTests(OrderHubApp app) : IntegrationTest(app)
{
    private const string Actor = "orders-test";

    [Fact]
    public async Task A_reservation_lowers_available_and_is_taken_from_pick_before_bulk()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 3);
        await driver.ReceiveOkAsync("SKU-A", "W1-BULK", 10);

        var result = await driver.SendAsync(new ReserveStockCommand("order-1", [new StockLine("SKU-A", 5)], Actor));

        result.ShouldBe(new ReservationResult(true, []), "succeeded with no shortages");
        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.Reserved.ShouldBe(5);
        stock.Available.ShouldBe(8);
        stock.OnHand.ShouldBe(13);
        stock.Locations.Select(l => (l.LocationCode, l.Reserved, l.Available)).ShouldBe([("W1-BULK", 2, 8), ("W1-PICK", 3, 0)]);
        (await driver.MovementsAsync("SKU-A")).Where(m => m.Type == MovementType.Reservation).ShouldAllBe(m => m.Reference == "order-1" && m.Quantity == 0);
    }

    [Fact]
    public async Task Reserving_all_lines_or_none_reports_the_short_skus_and_reserves_nothing()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.CreateSkuAsync("SKU-B");
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 10);
        await driver.ReceiveOkAsync("SKU-B", "W1-BULK", 2);
        await driver.ReceiveOkAsync("SKU-B", "W1-RECV", 50);

        var result = await driver.SendAsync(new ReserveStockCommand("order-2", [new StockLine("SKU-A", 4), new StockLine("SKU-B", 2), new StockLine("SKU-B", 1)], Actor));

        result.Succeeded.ShouldBeFalse();
        result.Shortages.ShouldBe([new StockShortage("SKU-B", 3, 2)]);
        (await driver.ShouldBalanceAsync("SKU-A")).Reserved.ShouldBe(0);
        (await driver.ShouldBalanceAsync("SKU-B")).Reserved.ShouldBe(0);
        await Should.ThrowAsync<NotFoundException>(() => driver.SendAsync(new ReserveStockCommand("order-2", [new StockLine("NOPE", 1)], Actor)));
    }

    [Fact]
    public async Task Releasing_returns_units_to_available_in_part_or_in_full()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 10);
        await driver.SendAsync(new ReserveStockCommand("order-3", [new StockLine("SKU-A", 6)], Actor));
        await driver.SendAsync(new ReserveStockCommand("order-4", [new StockLine("SKU-A", 1)], Actor));

        (await driver.SendAsync(new ReleaseReservationCommand("order-3", [new StockLine("SKU-A", 2)], Actor))).ShouldBeTrue();
        (await driver.ShouldBalanceAsync("SKU-A")).Reserved.ShouldBe(5);
        await Should.ThrowAsync<ConflictException>(() => driver.SendAsync(new ReleaseReservationCommand("order-3", [new StockLine("SKU-A", 5)], Actor)));
        (await driver.SendAsync(new ReleaseReservationCommand("order-3", null, Actor))).ShouldBeTrue();
        (await driver.SendAsync(new ReleaseReservationCommand("order-3", null, Actor))).ShouldBeFalse("nothing is left to release");

        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.Reserved.ShouldBe(1, "order-4 keeps its unit");
        stock.Available.ShouldBe(9);
    }

    [Fact]
    public async Task Consuming_a_reservation_ships_units_lowering_reserved_and_on_hand()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 2);
        await driver.ReceiveOkAsync("SKU-A", "W1-BULK", 8);
        await driver.SendAsync(new ReserveStockCommand("order-5", [new StockLine("SKU-A", 4)], Actor));

        (await driver.SendAsync(new ConsumeReservationCommand("order-5", [new StockLine("SKU-A", 3)], Actor))).ShouldBeTrue();

        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.OnHand.ShouldBe(7);
        stock.Reserved.ShouldBe(1);
        stock.Available.ShouldBe(6);
        (await driver.MovementsAsync("SKU-A")).Where(m => m.Type == MovementType.Shipment).Sum(m => m.Quantity).ShouldBe(-3);

        var refused = await Should.ThrowAsync<ConflictException>(() => driver.SendAsync(new ConsumeReservationCommand("order-5", [new StockLine("SKU-A", 2)], Actor)));
        refused.Message.ShouldContain("holds 1 reserved unit");
        (await driver.ShouldBalanceAsync("SKU-A")).OnHand.ShouldBe(7, "a refused shipment writes nothing");
    }

    [Fact]
    public async Task Reserved_units_cannot_be_adjusted_away_or_transferred()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 4);
        await driver.SendAsync(new ReserveStockCommand("order-6", [new StockLine("SKU-A", 3)], Actor));

        await (await driver.AdjustAsync("SKU-A", "W1-PICK", -2, "Shrinkage")).ShouldBeProblemAsync(System.Net.HttpStatusCode.Conflict);
        await (await driver.TransferAsync("SKU-A", "W1-PICK", "W1-BULK", 2)).ShouldBeProblemAsync(System.Net.HttpStatusCode.Conflict);
        await (await driver.TransferAsync("SKU-A", "W1-PICK", "W1-BULK", 1)).ShouldBeAsync(System.Net.HttpStatusCode.Created);
        (await driver.ShouldBalanceAsync("SKU-A")).Reserved.ShouldBe(3);
    }

    [Fact]
    public async Task A_hundred_parallel_single_unit_reservations_of_ten_units_reserve_exactly_ten()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 4);
        await driver.ReceiveOkAsync("SKU-A", "W1-BULK", 6);
        var errors = new ConcurrentBag<Exception>();

        var results = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Task.Run(async () =>
        {
            try
            {
                return await driver.SendAsync(new ReserveStockCommand($"order-{i}", [new StockLine("SKU-A", 1)], Actor));
            }
            catch (Exception exception)
            {
                errors.Add(exception);
                return null;
            }
        })));

        errors.ShouldBeEmpty();
        results.Count(r => r!.Succeeded).ShouldBe(10);
        results.Where(r => !r!.Succeeded).ShouldAllBe(r => r!.Shortages.Single().Available == 0);
        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.Reserved.ShouldBe(10);
        stock.Available.ShouldBe(0);
        stock.OnHand.ShouldBe(10);
        (await driver.MovementsAsync("SKU-A")).Count(m => m.Type == MovementType.Reservation).ShouldBe(10);
    }
}
