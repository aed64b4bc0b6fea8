using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;
using OrderHub.Inventory.Domain.Events;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.Tests;

public sealed class SkuStockEventsTests
{
    private static readonly LocationInfo Pick = new("PICK", LocationType.Pick, "W1");
    private static readonly LocationInfo Bulk = new("BULK", LocationType.Bulk, "W1");
    private static readonly DateTime Loaded = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Completed = Loaded.AddSeconds(1);

    /// <summary>A SKU as the session loads it: <paramref name="pickOnHand"/> units already in its Pick location.</summary>
    private static SkuStock Stock(int pickOnHand = 0, int? lowStockThreshold = null)
    {
        var sku = Sku.Create("SKU-A", "Product", "shoes", null, null, true, lowStockThreshold, Loaded);
        var level = StockLevel.Empty("SKU-A", Pick);
        if (pickOnHand > 0)
        {
            level.Apply(pickOnHand, 0);
        }

        return new SkuStock(sku, [level], [], [], "tester", Loaded);
    }

    [Fact]
    public void A_step_that_changed_nothing_raises_no_event()
    {
        var stock = Stock(pickOnHand: 5);
        stock.Release("order-1", null).ShouldBe(0);

        stock.Complete("Release", "order-1", Completed);

        stock.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void A_transfer_raises_one_stock_changed_event_with_the_figures_after_both_movements()
    {
        var stock = Stock(pickOnHand: 5);
        stock.Move(Pick, Bulk, 2, MovementType.TransferOut, MovementType.TransferIn, null, null);
        stock.DomainEvents.ShouldBeEmpty("events are raised when the step ends, not per movement");

        stock.Complete("Transfer", null, Completed);

        var changed = stock.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<SkuStockChanged>();
        changed.ShouldSatisfyAllConditions(
            e => e.Change.ShouldBe("Transfer"),
            e => e.Reference.ShouldBeNull(),
            e => e.OccurredAt.ShouldBe(Completed),
            e => e.Stock.Sku.ShouldBe("SKU-A"),
            e => e.Stock.Locations.Select(l => (l.LocationCode, l.OnHand)).ShouldBe([("BULK", 2), ("PICK", 3)]));
    }

    [Fact]
    public void A_reservation_spread_over_several_locations_raises_one_stock_changed_event()
    {
        var stock = Stock(pickOnHand: 2);
        stock.Receive(Bulk, 5, MovementType.Receipt, null, null);
        stock.Reserve(4, "order-1");

        stock.Complete("Reservation", "order-1", Completed);

        var changed = stock.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<SkuStockChanged>();
        changed.Reference.ShouldBe("order-1");
        changed.Stock.ShouldSatisfyAllConditions(s => s.Reserved.ShouldBe(4), s => s.Available.ShouldBe(3));
    }

    [Fact]
    public void An_expected_return_alone_changes_the_stock_and_carries_the_inbound_figure()
    {
        var stock = Stock();
        stock.ExpectReturn("RMA-1", 3);

        stock.Complete("ReturnExpected", "RMA-1", Completed);

        stock.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<SkuStockChanged>().Stock.InboundReturns.ShouldBe(3);
    }

    [Fact]
    public void Falling_to_the_low_stock_threshold_raises_stock_ran_low_after_stock_changed()
    {
        var stock = Stock(pickOnHand: 10, lowStockThreshold: 3);
        stock.Reserve(7, "order-1");

        stock.Complete("Reservation", "order-1", Completed);

        stock.DomainEvents.Count.ShouldBe(2);
        stock.DomainEvents[0].ShouldBeOfType<SkuStockChanged>();
        stock.DomainEvents[1].ShouldBe(new SkuStockRanLow("SKU-A", 3, 3, Completed));
    }

    [Fact]
    public void A_change_that_stays_below_the_threshold_raises_no_second_low_stock_event()
    {
        var stock = Stock(pickOnHand: 2, lowStockThreshold: 3);
        stock.Reserve(1, "order-1");

        stock.Complete("Reservation", "order-1", Completed);

        stock.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<SkuStockChanged>();
    }
}
