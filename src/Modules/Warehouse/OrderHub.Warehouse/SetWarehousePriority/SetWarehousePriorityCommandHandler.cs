using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.SetWarehousePriority;

internal sealed class SetWarehousePriorityCommandHandler(WarehouseDbContext db, UnitOfWork unitOfWork, WarehouseRanksCache ranks)
    : IRequestHandler<SetWarehousePriorityCommand, WarehouseDto>
{
    public async Task<WarehouseDto> Handle(SetWarehousePriorityCommand request, CancellationToken cancellationToken)
    {
        var warehouse = await db.Warehouses.SingleOrDefaultAsync(w => w.Code == request.WarehouseCode, cancellationToken)
            ?? throw new NotFoundException("Warehouse", request.WarehouseCode);
        warehouse.SetPriority(request.Priority!.Value);
        ranks.InvalidateWhenEnded(unitOfWork, WarehouseRanksCache.Key);
        return WarehouseMapping.ToDto(warehouse);
    }
}
