using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Domain;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.CreateWarehouse;

internal sealed class CreateWarehouseCommandHandler(WarehouseDbContext db, UnitOfWork unitOfWork, WarehouseRanksCache ranks, TimeProvider clock)
    : IRequestHandler<CreateWarehouseCommand, WarehouseDto>
{
    public async Task<WarehouseDto> Handle(CreateWarehouseCommand request, CancellationToken cancellationToken)
    {
        if (await db.Warehouses.AnyAsync(w => w.Code == request.Code, cancellationToken))
        {
            throw new ConflictException($"Warehouse '{request.Code}' already exists.", "duplicate-warehouse");
        }

        var warehouse = WarehouseSite.Create(request.Code!, request.Name!.Trim(), request.Address!, clock.GetUtcNow().UtcDateTime);
        db.Warehouses.Add(warehouse);
        ranks.InvalidateWhenEnded(unitOfWork, WarehouseRanksCache.Key);
        return WarehouseMapping.ToDto(warehouse);
    }
}
