using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Domain;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.Lookups;

/// <summary>Answers <see cref="GetLocationsQuery"/>: type and warehouse of each known location code.</summary>
internal sealed class GetLocationsQueryHandler(WarehouseDbContext db) : IRequestHandler<GetLocationsQuery, IReadOnlyList<LocationInfo>>
{
    public async Task<IReadOnlyList<LocationInfo>> Handle(GetLocationsQuery request, CancellationToken cancellationToken)
    {
        var codes = request.Codes.Distinct(StringComparer.Ordinal).ToList();
        return await db.Locations.AsNoTracking()
            .Where(l => codes.Contains(l.Code))
            .Join(db.Warehouses, l => l.WarehouseId, w => w.Id, (l, w) => new LocationInfo(l.Code, l.Type, w.Code))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>Answers <see cref="GetPutawayLocationQuery"/> with <see cref="PutawayRules"/>.</summary>
internal sealed class GetPutawayLocationQueryHandler(WarehouseDbContext db, PutawayCandidatesCache cache) : IRequestHandler<GetPutawayLocationQuery, LocationInfo>
{
    public async Task<LocationInfo> Handle(GetPutawayLocationQuery request, CancellationToken cancellationToken)
    {
        var candidates = await cache.GetOrLoadAsync(request.WarehouseCode, ct => CandidatesAsync(request.WarehouseCode, ct), cancellationToken);
        var destination = PutawayRules.Resolve(request.WarehouseCode, request.Sku, request.Purpose, candidates);
        return new LocationInfo(destination.Code, destination.Type, request.WarehouseCode);
    }

    private async Task<IReadOnlyList<PutawayCandidate>> CandidatesAsync(string warehouseCode, CancellationToken cancellationToken)
    {
        var warehouseId = await db.Warehouses.AsNoTracking().Where(w => w.Code == warehouseCode).Select(w => (Guid?)w.Id)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Warehouse", warehouseCode);
        return await db.Locations.AsNoTracking()
            .Where(l => l.WarehouseId == warehouseId)
            .Select(l => new PutawayCandidate(l.Code, l.Type, l.Sku))
            .ToListAsync(cancellationToken);
    }
}
