using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Domain;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.GetPutawayLocation;

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
