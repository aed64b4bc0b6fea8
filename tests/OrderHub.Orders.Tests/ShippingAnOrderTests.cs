using OrderHub.BuildingBlocks.Domain;
using OrderHub.Orders.Contracts;
using static OrderHub.Orders.Tests.TestOrders;

namespace OrderHub.Orders.Tests;

public sealed class ShippingAnOrderTests
{
    private static readonly DateTime Later = Placed.AddHours(3);

    [Fact]
    public void Shipping_some_units_leaves_the_order_partially_shipped()
    {
        var order = Confirmed();

        order.Ship([(order.LineId("TEE"), 2)], null, null, Actor, Later);

        order.Status.ShouldBe(OrderStatus.PartiallyShipped);
        order.Lines.Select(l => l.ShippedQuantity).ShouldBe([2, 0]);
    }

    [Fact]
    public void Shipping_every_remaining_unit_leaves_the_order_shipped()
    {
        var order = Confirmed();
        order.Ship([(order.LineId("TEE"), 2)], null, null, Actor, Later);

        order.Ship([(order.LineId("TEE"), 1), (order.LineId("CAP"), 1)], null, null, Actor, Later.AddHours(1));

        order.Status.ShouldBe(OrderStatus.Shipped);
        order.Shipments.Count.ShouldBe(2);
    }

    [Fact]
    public void A_shipment_lists_what_left_with_its_carrier_and_tracking_number()
    {
        var order = Confirmed();

        var shipment = order.Ship([(order.LineId("CAP"), 1)], "DHL", "TRK-1", Actor, Later);

        (shipment.OrderId, shipment.Carrier, shipment.TrackingNumber, shipment.ShippedAt).ShouldBe((order.Id, "DHL", "TRK-1", Later));
        shipment.Lines.Select(l => (l.OrderLineId, l.Sku, l.Quantity)).ShouldBe([(order.LineId("CAP"), "CAP", 1)]);
        order.Shipments.ShouldBe([shipment]);
    }

    [Fact]
    public void A_line_named_twice_in_one_shipment_ships_the_sum()
    {
        var order = Confirmed();

        var shipment = order.Ship([(order.LineId("TEE"), 1), (order.LineId("TEE"), 2)], null, null, Actor, Later);

        shipment.Lines.ShouldHaveSingleItem().Quantity.ShouldBe(3);
        order.Lines[0].ShippedQuantity.ShouldBe(3);
    }

    [Fact]
    public void Shipping_more_than_is_left_on_a_line_is_refused()
    {
        var order = Confirmed();
        order.Ship([(order.LineId("TEE"), 2)], null, null, Actor, Later);

        var refused = Should.Throw<ConflictException>(() => order.Ship([(order.LineId("TEE"), 2)], null, null, Actor, Later));

        refused.Code.ShouldBe("over-shipment");
        refused.Message.ShouldContain("1 unit(s) left to ship, not 2");
        order.Lines[0].ShippedQuantity.ShouldBe(2);
        order.Status.ShouldBe(OrderStatus.PartiallyShipped);
    }

    [Fact]
    public void A_shipment_quantity_must_be_positive()
    {
        var order = Confirmed();

        Should.Throw<BusinessRuleException>(() => order.Ship([(order.LineId("TEE"), 0)], null, null, Actor, Later)).Code.ShouldBe("invalid-quantity");
    }

    [Fact]
    public void A_shipment_of_a_line_the_order_does_not_have_is_not_found()
    {
        var order = Confirmed();

        Should.Throw<NotFoundException>(() => order.Ship([(Guid.NewGuid(), 1)], null, null, Actor, Later)).Resource.ShouldBe("Order line");
    }

    [Fact]
    public void A_fully_shipped_order_cannot_ship_again()
    {
        var order = Shipped(Later);

        Should.Throw<ConflictException>(() => order.Ship([(order.Lines[0].Id, 1)], null, null, Actor, Later)).Code.ShouldBe("illegal-transition");
    }

    [Fact]
    public void A_cancelled_order_cannot_ship()
    {
        var order = Confirmed();
        order.Cancel(null, Actor, Later);

        Should.Throw<ConflictException>(() => order.Ship([(order.LineId("TEE"), 1)], null, null, Actor, Later)).Code.ShouldBe("illegal-transition");
    }

    [Fact]
    public void Each_shipment_is_recorded_on_the_timeline_with_the_status_it_left()
    {
        var order = Confirmed();

        var first = order.Ship([(order.LineId("TEE"), 3)], "DHL", "TRK-1", Actor, Later);
        var second = order.Ship([(order.LineId("CAP"), 1)], null, null, "staff:bob", Later.AddHours(1));

        order.Timeline.Skip(1).Select(t => (t.Sequence, t.Event, t.Status, t.Actor, t.Detail)).ShouldBe([
            (2, "OrderShipped", OrderStatus.PartiallyShipped, Actor, $"shipment {first.Id} via DHL (TRK-1)"),
            (3, "OrderShipped", OrderStatus.Shipped, "staff:bob", $"shipment {second.Id}"),
        ]);
    }

    [Fact]
    public void Each_shipment_raises_OrderShipped_saying_whether_it_completed_the_order()
    {
        var order = Confirmed();

        var first = order.Ship([(order.LineId("TEE"), 3)], null, null, Actor, Later);
        var second = order.Ship([(order.LineId("CAP"), 1)], null, null, Actor, Later.AddHours(1));

        var shipped = order.DomainEvents.Skip(1).Select(e => e.ShouldBeOfType<Domain.Events.OrderShipped>()).ToList();
        shipped.Select(e => (e.Order, e.Shipment, e.Complete, e.OccurredAt)).ShouldBe([(order, first, false, Later), (order, second, true, Later.AddHours(1))]);
    }

    [Fact]
    public void A_refused_shipment_records_nothing_and_raises_nothing()
    {
        var order = Confirmed();

        Should.Throw<ConflictException>(() => order.Ship([(order.LineId("CAP"), 2)], null, null, Actor, Later));

        order.Shipments.ShouldBeEmpty();
        order.Timeline.Count.ShouldBe(1);
        order.DomainEvents.Count.ShouldBe(1);
    }
}
