using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.OrderCopies;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns;

/// <summary>Gathers what the policy needs about an order: the copy, catalogue data and what is already on returns.</summary>
internal sealed class ReturnFacts(ReturnsDbContext db, IMediator mediator)
{
    /// <summary>Statuses whose lines still count against what can be returned.</summary>
    public static readonly ReturnStatus[] Counting =
        [ReturnStatus.Requested, ReturnStatus.Approved, ReturnStatus.InTransit, ReturnStatus.Received, ReturnStatus.Completed];

    public async Task<(OrderCopy Order, OrderFacts Facts)> LoadAsync(Guid orderId, CancellationToken cancellationToken) =>
        (await LoadManyAsync([orderId], cancellationToken))[0];

    /// <summary>
    /// The orders in the order given, with one query apiece for the copies, what is on returns and the catalogue;
    /// 404 naming the first order Returns does not know.
    /// </summary>
    public async Task<IReadOnlyList<(OrderCopy Order, OrderFacts Facts)>> LoadManyAsync(IReadOnlyList<Guid> orderIds, CancellationToken cancellationToken)
    {
        var ids = orderIds.Distinct().ToList();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var unknown = ids.Except(orders.Keys).ToList();
        if (unknown.Count > 0)
        {
            throw new NotFoundException("Order", unknown[0]);
        }

        // A return's lines may come from several orders, so what is on returns is counted by each line's own order.
        var onReturns = await db.Returns.AsNoTracking()
            .Where(r => Counting.Contains(r.Status))
            .SelectMany(r => r.Lines)
            .Where(l => ids.Contains(l.OrderId))
            .GroupBy(l => l.OrderLineId)
            .Select(g => new { OrderLineId = g.Key, Quantity = g.Sum(l => l.Quantity) })
            .ToDictionaryAsync(x => x.OrderLineId, x => x.Quantity, cancellationToken);
        var skus = await mediator.Send(new GetSkusQuery(orders.Values.SelectMany(o => o.Lines).Select(l => l.Sku).Distinct().ToList()), cancellationToken);
        var catalogue = skus.ToDictionary(s => s.Sku, StringComparer.Ordinal);
        return ids.Select(id =>
        {
            var order = orders[id];
            var lines = order.Lines.Select(l => new LineFacts(
                l.OrderLineId,
                l.Sku,
                l.Quantity,
                l.ShippedQuantity,
                l.UnitPrice,
                onReturns.GetValueOrDefault(l.OrderLineId),
                catalogue.TryGetValue(l.Sku, out var sku) ? sku.Category : null,
                catalogue.TryGetValue(l.Sku, out var info) ? info.Returnable : true)).ToList();
            return (order, new OrderFacts(order.Cancelled, order.DeliveredAt, order.Segment, order.Value, order.Currency, lines));
        }).ToList();
    }

    /// <summary>Recent orders of the customer and how many of them had a return, for the serial-returner rule.</summary>
    public async Task<(int Orders, int WithReturns)> ReturnHistoryAsync(string customerEmail, int lookback, CancellationToken cancellationToken)
    {
        var recent = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerEmail == customerEmail && !o.Cancelled)
            .OrderByDescending(o => o.CreatedAt)
            .Select(o => o.Id)
            .Take(Math.Max(1, lookback))
            .ToListAsync(cancellationToken);
        var withReturns = await db.Returns.AsNoTracking()
            .Where(r => r.Status != ReturnStatus.Rejected && r.Status != ReturnStatus.Cancelled)
            .SelectMany(r => r.Lines)
            .Where(l => recent.Contains(l.OrderId))
            .Select(l => l.OrderId)
            .Distinct()
            .CountAsync(cancellationToken);
        return (recent.Count, withReturns);
    }
}
