using OrderHub.BuildingBlocks.Domain;
using OrderHub.Orders.Contracts;
using static OrderHub.Orders.Tests.TestOrders;

namespace OrderHub.Orders.Tests;

public sealed class CancellingAnOrderTests
{
    private static readonly DateTime Now = Placed.AddHours(1);

    [Fact]
    public void Cancelling_a_confirmed_order_hands_back_every_unit_to_release()
    {
        var order = Confirmed();

        var unshipped = order.Cancel("changed my mind", Actor, Now);

        unshipped.ShouldBe([("TEE", 3), ("CAP", 1)]);
        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.CancelledAt.ShouldBe(Now);
    }

    [Fact]
    public void An_order_cannot_be_cancelled_once_anything_has_shipped()
    {
        var order = Confirmed();
        order.Ship([(order.LineId("CAP"), 1)], null, null, Actor, Now);

        var refused = Should.Throw<ConflictException>(() => order.Cancel(null, Actor, Now));

        refused.Code.ShouldBe("illegal-transition");
        refused.Message.ShouldContain("once anything has shipped");
        order.Status.ShouldBe(OrderStatus.PartiallyShipped);
    }

    [Fact]
    public void A_cancelled_order_cannot_be_cancelled_again()
    {
        var order = Confirmed();
        order.Cancel(null, Actor, Now);

        var refused = Should.Throw<ConflictException>(() => order.Cancel(null, Actor, Now.AddMinutes(1)));

        refused.Code.ShouldBe("illegal-transition");
        refused.Message.ShouldBe("Order OH-000042 is already cancelled.");
        order.CancelledAt.ShouldBe(Now);
    }

    [Fact]
    public void Cancelling_is_recorded_on_the_timeline_with_the_reason()
    {
        var order = Confirmed();

        order.Cancel("duplicate order", "storefront:eu-shop", Now);

        var entry = order.Timeline[^1];
        (entry.Sequence, entry.Event, entry.Status, entry.Actor, entry.OccurredAt, entry.Detail)
            .ShouldBe((2, "OrderCancelled", OrderStatus.Cancelled, "storefront:eu-shop", Now, "duplicate order"));
    }

    [Fact]
    public void Cancelling_raises_OrderCancelled_with_the_reason()
    {
        var order = Confirmed();

        order.Cancel("duplicate order", Actor, Now);

        var cancelled = order.DomainEvents[^1].ShouldBeOfType<Domain.Events.OrderCancelled>();
        (cancelled.Order, cancelled.Reason, cancelled.OccurredAt).ShouldBe((order, "duplicate order", Now));
    }

    [Fact]
    public void A_refused_cancellation_records_nothing_and_raises_nothing()
    {
        var order = Shipped(Now);

        Should.Throw<ConflictException>(() => order.Cancel(null, Actor, Now));

        order.Timeline.Count.ShouldBe(2);
        order.DomainEvents.Count.ShouldBe(2);
    }
}
