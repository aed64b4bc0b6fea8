using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.GetWarehouseRanks;

internal sealed class GetWarehouseRanksQueryHandler(WarehouseDbContext db, WarehouseRanksCache cache)
    : IRequestHandler<GetWarehouseRanksQuery, IReadOnlyList<WarehouseRank>>
{
    public Task<IReadOnlyList<WarehouseRank>> Handle(GetWarehouseRanksQuery request, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(WarehouseRanksCache.Key, LoadAsync, cancellationToken);

    private async Task<IReadOnlyList<WarehouseRank>> LoadAsync(CancellationToken cancellationToken) =>
        await db.Warehouses.AsNoTracking()
            .Select(w => new WarehouseRank(w.Code, w.Priority, w.Country))
            .ToListAsync(cancellationToken);
}
