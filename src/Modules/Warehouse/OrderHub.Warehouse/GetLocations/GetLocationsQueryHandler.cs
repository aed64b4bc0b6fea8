using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.GetLocations;

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
