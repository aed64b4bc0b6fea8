using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.Tests;

public sealed class SkuStockTests
{
    private static readonly LocationInfo Pick = new("PICK", LocationType.Pick, "W1");
    private static readonly LocationInfo Bulk = new("BULK", LocationType.Bulk, "W1");
    private static readonly LocationInfo Receiving = new("RECV", LocationType.Receiving, "W1");
    private static readonly LocationInfo Returns = new("RET", LocationType.Returns, "W1");
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    private static SkuStock Empty(int? lowStockThreshold = null) =>
        new(Sku.Create("SKU-A", "Product", "shoes", null, null, true, lowStockThreshold, Now), [], [], [], "tester", Now);

    private static void ShouldBalance(SkuStock stock)
    {
        foreach (var level in stock.Levels)
        {
            var own = stock.NewMovements.Where(m => m.LocationCode == level.LocationCode).ToList();
            own.Sum(m => m.Quantity).ShouldBe(level.OnHand);
            own.Sum(m => m.ReservedDelta).ShouldBe(level.Reserved);
        }
    }

    [Fact]
    public void Available_is_sellable_on_hand_minus_reserved_and_the_rest_is_non_sellable()
    {
        var stock = Empty();
        stock.Receive(Pick, 3, MovementType.Receipt, null, null);
        stock.Receive(Bulk, 5, MovementType.Receipt, null, null);
        stock.Receive(Receiving, 7, MovementType.Receipt, null, null);
        stock.Reserve(4, "order-1");
        stock.ExpectReturn("RMA-1", 2);

        var snapshot = stock.Snapshot();
        snapshot.ShouldSatisfyAllConditions(
            s => s.OnHand.ShouldBe(15),
            s => s.Reserved.ShouldBe(4),
            s => s.Available.ShouldBe(4),
            s => s.NonSellable.ShouldBe(7),
            s => s.InboundReturns.ShouldBe(2));
        snapshot.Locations.Single(l => l.LocationCode == "RECV").Available.ShouldBe(0);
        ShouldBalance(stock);
    }

    [Fact]
    public void Reservations_fill_pick_locations_before_bulk()
    {
        var stock = Empty();
        stock.Receive(Bulk, 5, MovementType.Receipt, null, null);
        stock.Receive(Pick, 2, MovementType.Receipt, null, null);

        stock.Reserve(4, "order-1");

        stock.Levels.Single(l => l.LocationCode == "PICK").Reserved.ShouldBe(2);
        stock.Levels.Single(l => l.LocationCode == "BULK").Reserved.ShouldBe(2);
        stock.HeldBy("order-1").ShouldBe(4);
    }

    [Fact]
    public void A_reservation_larger_than_available_reports_the_shortage_and_changes_nothing()
    {
        var stock = Empty();
        stock.Receive(Pick, 2, MovementType.Receipt, null, null);
        stock.Receive(Receiving, 10, MovementType.Receipt, null, null);

        stock.ShortageFor(3).ShouldBe(new StockShortage("SKU-A", 3, 2));
        stock.ShortageFor(2).ShouldBeNull();
        Should.Throw<ConflictException>(() => stock.Reserve(3, "order-1"));
        stock.Levels.Sum(l => l.Reserved).ShouldBe(0);
    }

    [Fact]
    public void Stock_never_goes_negative_or_below_what_is_reserved()
    {
        var stock = Empty();
        stock.Receive(Pick, 3, MovementType.Receipt, null, null);
        stock.Reserve(2, "order-1");

        Should.Throw<ConflictException>(() => stock.Adjust(Pick, -2, AdjustmentReason.Shrinkage));
        Should.Throw<ConflictException>(() => stock.Adjust(Bulk, -1, AdjustmentReason.Shrinkage));
        Should.Throw<ConflictException>(() => stock.Move(Pick, Bulk, 2, MovementType.TransferOut, MovementType.TransferIn, null, null));
        stock.Adjust(Pick, -1, AdjustmentReason.Damaged).Reason.ShouldBe("Damaged");
        stock.Levels.Single(l => l.LocationCode == "PICK").ShouldSatisfyAllConditions(l => l.OnHand.ShouldBe(2), l => l.Reserved.ShouldBe(2));
        ShouldBalance(stock);
    }

    [Fact]
    public void Shipping_consumes_reserved_and_on_hand_together_and_never_more_than_the_reference_holds()
    {
        var stock = Empty();
        stock.Receive(Pick, 5, MovementType.Receipt, null, null);
        stock.Reserve(3, "order-1");
        stock.Reserve(1, "order-2");

        stock.Consume("order-1", 2);

        stock.Snapshot().ShouldSatisfyAllConditions(s => s.OnHand.ShouldBe(3), s => s.Reserved.ShouldBe(2), s => s.Available.ShouldBe(1));
        Should.Throw<ConflictException>(() => stock.Consume("order-1", 2)).Message.ShouldContain("holds 1 reserved unit");
        stock.Release("order-1", null).ShouldBe(1);
        stock.HeldBy("order-1").ShouldBe(0);
        stock.HeldBy("order-2").ShouldBe(1);
        ShouldBalance(stock);
    }

    [Fact]
    public void Received_returns_stop_counting_as_inbound_and_land_in_the_returns_location()
    {
        var stock = Empty();
        stock.ExpectReturn("RMA-1", 3);

        stock.ReceiveReturn("RMA-1", Returns, 2).Type.ShouldBe(MovementType.ReturnReceipt);

        stock.InboundReturns.ShouldBe(1);
        stock.CancelExpectedReturn("RMA-1").ShouldBe(1);
        stock.InboundReturns.ShouldBe(0);
        stock.Snapshot().NonSellable.ShouldBe(2);
        stock.Move(Returns, Pick, 1, MovementType.PutawayOut, MovementType.PutawayIn, "Restock", "RMA-1");
        stock.Available.ShouldBe(1);
    }

    [Theory]
    [InlineData(5, 2, 3, true)]
    [InlineData(5, 4, 3, false)]
    [InlineData(5, 3, 3, true)]
    [InlineData(3, 2, 3, false)]
    [InlineData(5, 4, null, false)]
    [InlineData(2, 5, 3, false)]
    public void Low_stock_is_raised_when_available_falls_to_or_through_the_threshold(int before, int after, int? threshold, bool raised) =>
        Sku.Create("SKU-A", "Product", "shoes", null, null, true, threshold, Now).FellToLowStock(before, after).ShouldBe(raised);
}
