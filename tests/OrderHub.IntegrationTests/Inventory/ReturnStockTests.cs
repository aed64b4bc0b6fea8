using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Inventory.Contracts;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.IntegrationTests.Inventory;

public sealed class ReturnStockTests(OrderHubApp app) : IntegrationTest(app)
{
    private const string Actor = "returns-test";

    [Fact]
    public async Task Approved_returns_count_as_inbound_until_received_or_cancelled()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();

        await driver.SendAsync(new ExpectInboundReturnCommand("RMA-1", [new StockLine("SKU-A", 2)], Actor));
        await driver.SendAsync(new ExpectInboundReturnCommand("RMA-2", [new StockLine("SKU-A", 3)], Actor));
        (await driver.StockAsync("SKU-A")).InboundReturns.ShouldBe(5);

        (await driver.SendAsync(new CancelInboundReturnCommand("RMA-2", Actor))).ShouldBeTrue();
        (await driver.SendAsync(new CancelInboundReturnCommand("RMA-2", Actor))).ShouldBeFalse();
        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.InboundReturns.ShouldBe(2);
        stock.OnHand.ShouldBe(0);
    }

    [Fact]
    public async Task Received_returns_land_as_non_sellable_stock_in_the_returns_location()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.SendAsync(new ExpectInboundReturnCommand("RMA-3", [new StockLine("SKU-A", 2)], Actor));

        var placements = await driver.SendAsync(new ReceiveReturnStockCommand("RMA-3", "W1", [new StockLine("SKU-A", 2)], Actor));

        placements.ShouldBe([new StockPlacement("SKU-A", 2, "W1-RET", LocationType.Returns)]);
        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.InboundReturns.ShouldBe(0);
        stock.NonSellable.ShouldBe(2);
        stock.Available.ShouldBe(0);
        (await driver.MovementsAsync("SKU-A")).Single().ShouldSatisfyAllConditions(
            m => m.Type.ShouldBe(MovementType.ReturnReceipt),
            m => m.Reference.ShouldBe("RMA-3"),
            m => m.Actor.ShouldBe(Actor));
    }

    [Fact]
    public async Task Restocked_returns_are_available_at_once_and_other_dispositions_go_to_their_locations()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync(pickFaceSku: "SKU-A");
        await driver.CreateSkuAsync("SKU-B");
        await driver.SendAsync(new ReceiveReturnStockCommand("RMA-4", "W1", [new StockLine("SKU-A", 4), new StockLine("SKU-B", 1)], Actor));

        (await driver.SendAsync(new PutAwayReturnCommand("RMA-4", "W1", "SKU-A", 1, PutawayPurpose.Restock, Actor)))
            .ShouldBe(new StockPlacement("SKU-A", 1, "W1-PICK", LocationType.Pick));
        (await driver.SendAsync(new PutAwayReturnCommand("RMA-4", "W1", "SKU-B", 1, PutawayPurpose.Restock, Actor)))
            .LocationCode.ShouldBe("W1-BULK", "SKU-B has no pick face");
        (await driver.SendAsync(new PutAwayReturnCommand("RMA-4", "W1", "SKU-A", 1, PutawayPurpose.Refurbish, Actor))).LocationCode.ShouldBe("W1-REFURB");
        (await driver.SendAsync(new PutAwayReturnCommand("RMA-4", "W1", "SKU-A", 1, PutawayPurpose.Dispose, Actor))).LocationCode.ShouldBe("W1-DMG");
        (await driver.SendAsync(new PutAwayReturnCommand("RMA-4", "W1", "SKU-A", 1, PutawayPurpose.ReturnToVendor, Actor))).LocationCode.ShouldBe("W1-RTV");

        var a = await driver.ShouldBalanceAsync("SKU-A");
        a.Available.ShouldBe(1);
        a.NonSellable.ShouldBe(3);
        a.Locations.Single(l => l.LocationCode == "W1-RET").OnHand.ShouldBe(0);
        (await driver.ShouldBalanceAsync("SKU-B")).Available.ShouldBe(1);
        await Should.ThrowAsync<ConflictException>(() => driver.SendAsync(new PutAwayReturnCommand("RMA-4", "W1", "SKU-A", 1, PutawayPurpose.Restock, Actor)));
    }

    [Fact]
    public async Task Receiving_a_return_in_a_warehouse_without_a_returns_location_is_refused_and_writes_nothing()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.CreateWarehouseAsync("W2");
        await driver.SendAsync(new ExpectInboundReturnCommand("RMA-5", [new StockLine("SKU-A", 1)], Actor));

        await Should.ThrowAsync<BusinessRuleException>(() => driver.SendAsync(new ReceiveReturnStockCommand("RMA-5", "W2", [new StockLine("SKU-A", 1)], Actor)));

        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.InboundReturns.ShouldBe(1);
        stock.OnHand.ShouldBe(0);
    }
}
