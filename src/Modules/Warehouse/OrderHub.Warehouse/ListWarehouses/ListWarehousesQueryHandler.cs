using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.ListWarehouses;

internal sealed class ListWarehousesQueryHandler(WarehouseDbContext db) : IRequestHandler<ListWarehousesQuery, PagedResult<WarehouseDto>>
{
    public async Task<PagedResult<WarehouseDto>> Handle(ListWarehousesQuery request, CancellationToken cancellationToken)
    {
        var query = db.Warehouses.AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var page = await query
            .OrderBy(w => w.Priority).ThenBy(w => w.Code)
            .Skip(request.Page.Skip).Take(request.Page.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<WarehouseDto>(page.Select(WarehouseMapping.ToDto).ToList(), request.Page.Page, request.Page.PageSize, total);
    }
}
