using OrderHub.BuildingBlocks.Domain;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.Domain;

internal sealed class OrderTimelineEntry : TimelineEntry<OrderStatus>
{
    private OrderTimelineEntry()
    {
    }

    public OrderTimelineEntry(Guid orderId, int sequence, string eventName, OrderStatus status, string actor, DateTime occurredAt, string? detail)
        : base(orderId, sequence, eventName, status, actor, occurredAt, detail)
    {
    }
}
