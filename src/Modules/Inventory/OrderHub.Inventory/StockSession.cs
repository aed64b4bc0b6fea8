using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;
using OrderHub.Inventory.Domain.Events;
using OrderHub.Inventory.Persistence;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory;

/// <summary>
/// The write path of every stock change: lock the SKUs, load their stock, let <see cref="SkuStock"/> apply
/// the change, then save levels and movements together with what the domain events of the change publish
/// (<see cref="InventoryIntegrationEvents"/>) in the same transaction. It runs inside the caller's unit of work,
/// nested or not.
/// </summary>
internal sealed class StockSession(
    InventoryDbContext db, IMediator mediator, TimeProvider clock, UnitOfWork unitOfWork, StockReadCache readCache, StockWriterGate gate, StockWriterGate.Turn turn)
{
    public async Task<SkuStock> LockAsync(string sku, string actor, CancellationToken cancellationToken) =>
        (await LockAsync([sku], actor, null, cancellationToken))[sku];

    /// <summary>
    /// Locks the SKUs (404 when one is unknown) and loads their stock; with a reference, also what that
    /// reference holds reserved.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SkuStock>> LockAsync(IReadOnlyCollection<string> skus, string actor, string? reference, CancellationToken cancellationToken)
    {
        var codes = skus.Distinct(StringComparer.Ordinal).ToList();
        await gate.EnterAsync(unitOfWork, turn, cancellationToken);
        var (locked, levels, expected) = await db.LockStockAsync(codes, cancellationToken);
        if (codes.FirstOrDefault(code => locked.All(s => s.Id != code)) is { } unknown)
        {
            throw new NotFoundException("SKU", unknown);
        }

        var held = reference is null
            ? []
            : await db.Movements.AsNoTracking()
                .Where(m => m.Reference == reference && codes.Contains(m.Sku))
                .GroupBy(m => new { m.Sku, m.LocationCode })
                .Select(g => new { g.Key.Sku, g.Key.LocationCode, Reserved = g.Sum(m => m.ReservedDelta) })
                .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        return locked.ToDictionary(
            s => s.Id,
            s => new SkuStock(
                s,
                levels.Where(l => l.Sku == s.Id),
                expected.Where(r => r.Sku == s.Id),
                held.Where(h => h.Sku == s.Id).Select(h => (reference!, h.LocationCode, h.Reserved)),
                actor,
                now),
            StringComparer.Ordinal);
    }

    /// <summary>Applies <paramref name="change"/> to each allocated unit group of the reference, as one step.</summary>
    public async Task ChangeAllocatedAsync(string reference, IReadOnlyList<StockAllocation> allocations, string actor, string changeName, Action<SkuStock, StockAllocation> change, CancellationToken cancellationToken)
    {
        var stocks = await LockAsync(allocations.Select(a => a.Sku).ToList(), actor, reference, cancellationToken);
        foreach (var allocation in allocations)
        {
            change(stocks[allocation.Sku], allocation);
        }

        await CompleteAsync(stocks.Values, changeName, reference, cancellationToken);
    }

    /// <summary>A location of the Warehouse module by code; 404 when there is none.</summary>
    public async Task<LocationInfo> LocationAsync(string code, CancellationToken cancellationToken)
    {
        var found = await mediator.Send(new GetLocationsQuery([code]), cancellationToken);
        return found.SingleOrDefault() ?? throw new NotFoundException("Location", code);
    }

    public Task<LocationInfo> PutawayLocationAsync(string sku, string warehouseCode, PutawayPurpose purpose, CancellationToken cancellationToken) =>
        mediator.Send(new GetPutawayLocationQuery(sku, warehouseCode, purpose), cancellationToken);

    /// <summary>
    /// Ends the step: hands the changed SKUs' domain events to the mediator, the stock changes of all of them as one
    /// <see cref="StockStepChanged"/> in the order the caller passed the SKUs (published as one StockStepCompleted,
    /// ADR 0036), then saves what changed. With
    /// <paramref name="saveAtCommit"/> the changes stay tracked and the unit of work writes them with its COMMIT (ADR
    /// 0032), one round trip fewer under the SKU locks: for a step after which nothing in the unit of work reads the
    /// SKUs' figures, their movements or their ids from the database (a later stock step of the same SKUs still sees
    /// them, through the tracked rows its lock returns, and saves them first).
    /// </summary>
    public async Task CompleteAsync(IEnumerable<SkuStock> stocks, string change, string? reference, CancellationToken cancellationToken, bool saveAtCommit = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changedStocks = new List<StockSnapshot>();
        var laterEvents = new List<IDomainEvent>();
        foreach (var stock in stocks.Where(s => s.Changed))
        {
            db.StockLevels.AddRange(stock.Levels.Where(l => db.TrackingStateOf(l) == EntityState.Detached));
            db.Movements.AddRange(stock.NewMovements);
            foreach (var expected in stock.ExpectedReturns)
            {
                var state = db.TrackingStateOf(expected);
                if (state == EntityState.Detached && expected.Quantity > 0)
                {
                    db.ExpectedReturns.Add(expected);
                }
                else if (state != EntityState.Detached && expected.Quantity == 0)
                {
                    db.ExpectedReturns.Remove(expected);
                }
            }

            if (stock.NeedsRestockHistory)
            {
                var saved = await db.RestockHistoriesAsync([stock.Code], cancellationToken);
                stock.UseRestockHistory(saved.GetValueOrDefault(stock.Code));
            }

            stock.Complete(change, reference, now);
            foreach (var domainEvent in stock.DomainEvents)
            {
                if (domainEvent is SkuStockChanged changed)
                {
                    changedStocks.Add(changed.Stock);
                }
                else
                {
                    laterEvents.Add(domainEvent);
                }
            }

            stock.ClearDomainEvents();
        }

        // One event for the step, then what followed from it (a SKU running low), as each SKU raised them.
        if (changedStocks.Count > 0)
        {
            await mediator.Publish(new StockStepChanged(changedStocks, change, reference, now), cancellationToken);
        }

        foreach (var domainEvent in laterEvents)
        {
            await mediator.Publish(domainEvent, cancellationToken);
        }

        // Saved now (inside the transaction) so a later step of the same unit of work reads the new figures.
        if (!saveAtCommit || !unitOfWork.InTransaction)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        // Cached figures go once the transaction has ended, before the caller answers: a client that hears of
        // the change reads the new figures. Registered after the save, because without an open transaction the
        // copy is dropped at once, and it must not be refilled from the figures before the save.
        foreach (var stock in stocks.Where(s => s.Changed))
        {
            readCache.InvalidateWhenEnded(unitOfWork, stock.Code);
        }
    }
}
