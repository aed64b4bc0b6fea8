using OrderHub.Orders.Contracts;
using OrderHub.Orders.Domain;
using static OrderHub.Orders.Tests.TestOrders;

namespace OrderHub.Orders.Tests;

public sealed class PlacingAnOrderTests
{
    [Fact]
    public void An_order_is_numbered_from_its_sequence_number()
    {
        Confirmed().Number.ShouldBe("OH-000042");
        Order.FormatNumber(1_234_567).ShouldBe("OH-1234567");
    }

    [Fact]
    public void A_placed_order_is_confirmed_with_its_lines_and_nothing_shipped()
    {
        var order = Confirmed();

        order.Status.ShouldBe(OrderStatus.Confirmed);
        order.CreatedAt.ShouldBe(Placed);
        order.Lines.Select(l => (l.Sku, l.Quantity, l.UnitPrice, l.ShippedQuantity)).ShouldBe([("TEE", 3, 20.00m, 0), ("CAP", 1, 12.50m, 0)]);
        order.Lines.ShouldAllBe(l => l.OrderId == order.Id);
        order.Shipments.ShouldBeEmpty();
        order.DeliveredAt.ShouldBeNull();
        order.CancelledAt.ShouldBeNull();
    }

    [Fact]
    public void The_total_is_the_sum_of_every_line_quantity_times_unit_price()
    {
        Confirmed().Total.ShouldBe(72.50m);
    }

    [Fact]
    public void Placing_records_one_confirmed_entry_that_says_the_stock_is_reserved()
    {
        var order = Confirmed();

        var entry = order.Timeline.ShouldHaveSingleItem();
        (entry.OwnerId, entry.Sequence, entry.Event, entry.Status, entry.Actor, entry.OccurredAt, entry.Detail)
            .ShouldBe((order.Id, 1, "OrderConfirmed", OrderStatus.Confirmed, Actor, Placed, "2 line(s), stock reserved"));
    }

    [Fact]
    public void Placing_raises_OrderConfirmed_for_the_order_at_the_time_it_was_placed()
    {
        var order = Confirmed();

        var confirmed = order.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<Domain.Events.OrderConfirmed>();
        confirmed.Order.ShouldBeSameAs(order);
        confirmed.OccurredAt.ShouldBe(Placed);
    }
}
