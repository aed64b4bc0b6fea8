using MediatR;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.AllocateStock;

/// <summary>
/// All lines or none, like a reservation, with the locations chosen by <see cref="AllocationPlanner"/>. The warehouse
/// ranks are read before the SKU locks (a cached copy, ADR 0026); under the locks the planner only looks at the
/// levels the lock already loaded, so allocation adds no statement to the locked part of order intake.
/// </summary>
internal sealed class AllocateStockCommandHandler(StockSession session, IMediator mediator) : IRequestHandler<AllocateStockCommand, AllocationResult>
{
    public async Task<AllocationResult> Handle(AllocateStockCommand request, CancellationToken cancellationToken)
    {
        var wanted = StockRules.Totals(request.Lines);
        var ranks = await mediator.Send(new GetWarehouseRanksQuery(), cancellationToken);
        var stocks = await session.LockAsync(wanted.Keys, request.Actor, null, cancellationToken);
        var shortages = wanted
            .Select(w => stocks[w.Key].ShortageFor(w.Value))
            .OfType<StockShortage>()
            .ToList();
        if (shortages.Count > 0)
        {
            return new AllocationResult(false, shortages, []);
        }

        var plan = AllocationPlanner.Plan(
            wanted.Select(w => (w.Key, w.Value)).ToList(),
            wanted.Keys.ToDictionary(sku => sku, sku => stocks[sku].AllocationSources(), StringComparer.Ordinal),
            ranks,
            request.ShipToCountry);
        foreach (var allocation in plan)
        {
            stocks[allocation.Sku].ReserveAt(allocation.LocationCode, allocation.Quantity, request.Reference);
        }

        // Allocation is order placement's only stock step, and nothing after it reads stock: written with the order at commit.
        await session.CompleteAsync(stocks.Values, "Reservation", request.Reference, cancellationToken, saveAtCommit: true);
        return new AllocationResult(true, [], plan);
    }
}
