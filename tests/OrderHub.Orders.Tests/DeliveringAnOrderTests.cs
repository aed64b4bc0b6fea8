using OrderHub.BuildingBlocks.Domain;
using OrderHub.Orders.Contracts;
using static OrderHub.Orders.Tests.TestOrders;

namespace OrderHub.Orders.Tests;

public sealed class DeliveringAnOrderTests
{
    private static readonly DateTime ShippedAt = Placed.AddHours(2);
    private static readonly DateTime Now = Placed.AddDays(2);

    [Fact]
    public void A_delivered_order_records_when_it_arrived()
    {
        var order = Shipped(ShippedAt);

        order.Deliver(Now.AddHours(-1), Actor, Now);

        order.Status.ShouldBe(OrderStatus.Delivered);
        order.DeliveredAt.ShouldBe(Now.AddHours(-1));
    }

    [Fact]
    public void An_order_not_yet_shipped_cannot_be_delivered()
    {
        var order = Confirmed();

        Should.Throw<ConflictException>(() => order.Deliver(Now, Actor, Now)).Code.ShouldBe("illegal-transition");
    }

    [Fact]
    public void A_partially_shipped_order_cannot_be_delivered()
    {
        var order = Confirmed();
        order.Ship([(order.LineId("TEE"), 3)], null, null, Actor, ShippedAt);

        Should.Throw<ConflictException>(() => order.Deliver(Now, Actor, Now)).Code.ShouldBe("illegal-transition");
    }

    [Fact]
    public void A_delivered_order_cannot_be_delivered_again()
    {
        var order = Shipped(ShippedAt);
        order.Deliver(Now, Actor, Now);

        Should.Throw<ConflictException>(() => order.Deliver(Now, Actor, Now)).Code.ShouldBe("illegal-transition");
    }

    [Fact]
    public void Delivery_may_lie_up_to_five_minutes_ahead_of_the_clock_but_no_further()
    {
        Shipped(ShippedAt).Deliver(Now.AddMinutes(5), Actor, Now);

        Should.Throw<BusinessRuleException>(() => Shipped(ShippedAt).Deliver(Now.AddMinutes(5).AddSeconds(1), Actor, Now))
            .Code.ShouldBe("delivery-in-future");
    }

    [Fact]
    public void Delivery_cannot_be_before_the_last_shipment()
    {
        var order = Shipped(ShippedAt);

        Should.Throw<BusinessRuleException>(() => order.Deliver(ShippedAt.AddSeconds(-1), Actor, Now)).Code.ShouldBe("delivery-before-shipment");
        order.Deliver(ShippedAt, Actor, Now);
    }

    [Fact]
    public void Delivery_is_recorded_on_the_timeline_at_the_time_it_was_reported()
    {
        var order = Shipped(ShippedAt);

        order.Deliver(Now.AddHours(-1), "carrier:dhl", Now);

        var entry = order.Timeline[^1];
        (entry.Sequence, entry.Event, entry.Status, entry.Actor, entry.OccurredAt, entry.Detail)
            .ShouldBe((3, "OrderDelivered", OrderStatus.Delivered, "carrier:dhl", Now, $"delivered at {Now.AddHours(-1):O}"));
    }

    [Fact]
    public void Delivery_raises_OrderDelivered_at_the_time_it_was_reported()
    {
        var order = Shipped(ShippedAt);

        order.Deliver(Now.AddHours(-1), Actor, Now);

        var delivered = order.DomainEvents[^1].ShouldBeOfType<Domain.Events.OrderDelivered>();
        (delivered.Order, delivered.OccurredAt).ShouldBe((order, Now));
    }

    [Fact]
    public void A_refused_delivery_records_nothing_and_raises_nothing()
    {
        var order = Shipped(ShippedAt);

        Should.Throw<BusinessRuleException>(() => order.Deliver(Now.AddDays(1), Actor, Now));

        order.Status.ShouldBe(OrderStatus.Shipped);
        order.DeliveredAt.ShouldBeNull();
        order.Timeline.Count.ShouldBe(2);
        order.DomainEvents.Count.ShouldBe(2);
    }
}
