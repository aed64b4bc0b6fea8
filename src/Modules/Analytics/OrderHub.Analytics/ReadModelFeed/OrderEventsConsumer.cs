using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Orders.Contracts;

namespace OrderHub.Analytics.ReadModelFeed;

/// <summary>
/// Counts each delivered order once: the inbox skips a redelivered event, and the order's fact row skips a
/// delivery the read model already holds (one a rebuild read while this event waited). <c>FindAsync</c> looks in the
/// change tracker first, so a run of events (ADR 0034) sees the facts its earlier events added, unsaved.
/// </summary>
internal sealed class OrderEventsConsumer(AnalyticsDbContext db, ReadModelWriter writer, CommitCounters counters) : IRunConsumer<OrderDelivered>
{
    public async Task HandleAsync(OrderDelivered integrationEvent, CancellationToken cancellationToken)
    {
        var order = integrationEvent.Order;
        if (await db.OrderFacts.FindAsync([order.OrderId], cancellationToken) is not null)
        {
            return;
        }

        var fact = new DeliveredOrderFact(
            0,
            order.OrderId,
            order.Storefront,
            order.Customer.Email,
            order.Customer.Segment,
            order.DeliveredAt ?? integrationEvent.OccurredAt,
            order.Lines.Select(l => new DeliveredOrderLineFact(l.Sku, l.ShippedQuantity)).ToList());
        var deltas = new CounterDeltas();
        writer.CountDelivery(fact, await writer.CategoriesAsync(order.Lines.Select(l => l.Sku), cancellationToken), deltas);
        counters.Add(deltas);
    }
}
