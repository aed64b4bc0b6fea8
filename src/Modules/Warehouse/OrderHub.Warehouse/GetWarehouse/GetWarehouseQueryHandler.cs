using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.GetWarehouse;

internal sealed class GetWarehouseQueryHandler(WarehouseDbContext db) : IRequestHandler<GetWarehouseQuery, WarehouseDto>
{
    public async Task<WarehouseDto> Handle(GetWarehouseQuery request, CancellationToken cancellationToken)
    {
        var warehouse = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Code == request.Code, cancellationToken)
            ?? throw new NotFoundException("Warehouse", request.Code);
        return WarehouseMapping.ToDto(warehouse);
    }
}
