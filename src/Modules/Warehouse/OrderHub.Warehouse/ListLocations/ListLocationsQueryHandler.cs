using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.ListLocations;

internal sealed class ListLocationsQueryHandler(WarehouseDbContext db) : IRequestHandler<ListLocationsQuery, PagedResult<LocationDto>>
{
    public async Task<PagedResult<LocationDto>> Handle(ListLocationsQuery request, CancellationToken cancellationToken)
    {
        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Code == request.WarehouseCode).Select(w => new { w.Id, w.Code })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Warehouse", request.WarehouseCode);
        var query = db.Locations.AsNoTracking().Where(l => l.WarehouseId == warehouse.Id);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(l => l.Code)
            .Skip(request.Page.Skip).Take(request.Page.PageSize)
            .Select(l => new LocationDto(l.Code, l.Type, warehouse.Code, l.Sku, l.CreatedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<LocationDto>(items, request.Page.Page, request.Page.PageSize, total);
    }
}
