using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Domain;
using OrderHub.Orders.Persistence;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Orders.CreatePickList;

/// <summary>
/// Chooses orders, locks their rows (PostgreSQL), then reads what they still need picked: a concurrent request for the
/// same orders waits and then sees the units the first one took (ADR 0030). Orders found taken after the wait make room
/// for the next ones, a few rounds at most.
/// </summary>
internal sealed class CreatePickListCommandHandler(OrdersDbContext db, IMediator mediator, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<CreatePickListCommand, PickListDto>
{
    public const int DefaultMaxOrders = 25;

    private const int MaxRounds = 4;

    public async Task<PickListDto> Handle(CreatePickListCommand command, CancellationToken cancellationToken)
    {
        var warehouse = command.WarehouseCode.Trim();
        if (await mediator.Send(new FindWarehouseAddressQuery(warehouse), cancellationToken) is null)
        {
            throw new NotFoundException("Warehouse", warehouse);
        }

        var max = command.Request.Max ?? DefaultMaxOrders;
        var chosen = command.Request.OrderIds is { } ids
            ? await NamedAsync(warehouse, ids.Select(id => id!.Value).Distinct().ToList(), max, cancellationToken)
            : await OldestAsync(warehouse, max, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var list = PickList.Create(warehouse, chosen.SelectMany(c => c.Units).ToList(), actor.Name, now);
        foreach (var (order, units) in chosen)
        {
            order.PutOnPickList(list.Id, warehouse, units.Sum(u => u.Quantity), actor.Name, now);
        }

        db.PickLists.Add(list);
        return list.ToDto();
    }

    /// <summary>Every named order must exist (404) and have units to pick in the warehouse (422 naming why not); the oldest <paramref name="max"/> are taken.</summary>
    private async Task<List<(Order Order, IReadOnlyList<PickCandidate> Units)>> NamedAsync(string warehouse, List<Guid> ids, int max, CancellationToken cancellationToken)
    {
        await db.LockOrdersAsync(ids, cancellationToken);
        var orders = await LoadAsync(ids, cancellationToken);
        var unknown = ids.Except(orders.Select(o => o.Id)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotFoundException(unknown.Count == 1 ? "Order" : "Orders", string.Join(", ", unknown));
        }

        var held = await HeldAsync(ids, cancellationToken);
        var heldUnits = held.Keys.ToHashSet();
        var refused = new List<object>();
        var chosen = new List<(Order Order, IReadOnlyList<PickCandidate> Units)>();
        foreach (var order in orders.OrderBy(o => o.SequenceNumber))
        {
            var units = order.PickableIn(warehouse, heldUnits);
            if (units.Count > 0)
            {
                chosen.Add((order, units));
                continue;
            }

            refused.Add(new { orderId = order.Id, number = order.Number, reason = WhyNothingToPick(order, warehouse, held) });
        }

        if (refused.Count > 0)
        {
            throw new BusinessRuleException(
                $"{refused.Count} of the named orders have nothing to pick in warehouse {warehouse}; see orders.",
                "nothing-to-pick",
                new Dictionary<string, object?> { ["orders"] = refused });
        }

        return chosen.Take(max).ToList();
    }

    private async Task<List<(Order Order, IReadOnlyList<PickCandidate> Units)>> OldestAsync(string warehouse, int max, CancellationToken cancellationToken)
    {
        var chosen = new List<(Order Order, IReadOnlyList<PickCandidate> Units)>();
        var considered = new List<Guid>();
        for (var round = 0; round < MaxRounds && chosen.Count < max; round++)
        {
            var candidates = await CandidatesAsync(warehouse, considered, max - chosen.Count, cancellationToken);
            if (candidates.Count == 0)
            {
                break;
            }

            considered.AddRange(candidates);
            await db.LockOrdersAsync(candidates, cancellationToken);
            var held = (await HeldAsync(candidates, cancellationToken)).Keys.ToHashSet();
            foreach (var order in (await LoadAsync(candidates, cancellationToken)).OrderBy(o => o.SequenceNumber))
            {
                if (order.PickableIn(warehouse, held) is { Count: > 0 } units)
                {
                    chosen.Add((order, units));
                }
            }
        }

        return chosen;
    }

    /// <summary>The oldest orders that can ship with units allocated to the warehouse, still to ship and on no list.</summary>
    private Task<List<Guid>> CandidatesAsync(string warehouse, List<Guid> considered, int count, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking()
            .Where(o => (o.Status == OrderStatus.Confirmed || o.Status == OrderStatus.PartiallyShipped) && !considered.Contains(o.Id))
            .Where(o => o.Allocations.Any(a => a.WarehouseCode == warehouse && a.Quantity > a.ShippedQuantity
                && !db.PickListLines.Any(l => l.OrderLineId == a.OrderLineId && l.LocationCode == a.LocationCode && !l.Ended)))
            .OrderBy(o => o.SequenceNumber)
            .Select(o => o.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>Read after the lock: the aggregates as the last writer committed them.</summary>
    private Task<List<Order>> LoadAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        db.Orders
            .Include(o => o.Allocations)
            .Include(o => o.Timeline)
            .AsSplitQuery()
            .Where(o => ids.Contains(o.Id))
            .ToListAsync(cancellationToken);

    /// <summary>Units of these orders that lists hold, and which list holds them.</summary>
    private async Task<Dictionary<(Guid OrderLineId, string LocationCode), Guid>> HeldAsync(List<Guid> orderIds, CancellationToken cancellationToken) =>
        (await db.PickListLines.AsNoTracking()
            .Where(l => orderIds.Contains(l.OrderId) && !l.Ended)
            .Select(l => new { l.OrderLineId, l.LocationCode, l.PickListId })
            .ToListAsync(cancellationToken))
        .ToDictionary(l => (l.OrderLineId, l.LocationCode), l => l.PickListId);

    private static string WhyNothingToPick(Order order, string warehouse, Dictionary<(Guid OrderLineId, string LocationCode), Guid> held)
    {
        if (order.Status is not (OrderStatus.Confirmed or OrderStatus.PartiallyShipped))
        {
            return $"the order is {order.Status}";
        }

        var here = order.Allocations.Where(a => a.WarehouseCode == warehouse).ToList();
        if (here.Count == 0)
        {
            var elsewhere = order.Allocations.Select(a => a.WarehouseCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return elsewhere.Count == 0
                ? "the order has no allocated units"
                : $"no units are allocated to {warehouse} (allocated to {string.Join(", ", elsewhere)})";
        }

        var lists = here.Where(a => a.Open > 0 && held.ContainsKey((a.OrderLineId, a.LocationCode)))
            .Select(a => held[(a.OrderLineId, a.LocationCode)]).Distinct().ToList();
        return lists.Count > 0
            ? $"its units in {warehouse} are already on pick list {string.Join(", ", lists)}"
            : $"nothing allocated to {warehouse} is left to ship";
    }
}
