using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.FindWarehouseAddress;

/// <summary>Answers <see cref="FindWarehouseAddressQuery"/> for other modules (the return policy's warehouse).</summary>
internal sealed class FindWarehouseAddressQueryHandler(WarehouseDbContext db) : IRequestHandler<FindWarehouseAddressQuery, WarehouseAddress?>
{
    public async Task<WarehouseAddress?> Handle(FindWarehouseAddressQuery request, CancellationToken cancellationToken) =>
        await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Code == request.WarehouseCode, cancellationToken) is { } warehouse
            ? new WarehouseAddress(warehouse.Code, warehouse.Name, warehouse.Address)
            : null;
}
