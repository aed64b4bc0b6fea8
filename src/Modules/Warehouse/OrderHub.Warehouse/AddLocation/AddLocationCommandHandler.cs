using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Domain;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.AddLocation;

internal sealed class AddLocationCommandHandler(WarehouseDbContext db, UnitOfWork unitOfWork, PutawayCandidatesCache putawayCandidates, TimeProvider clock)
    : IRequestHandler<AddLocationCommand, LocationDto>
{
    public async Task<LocationDto> Handle(AddLocationCommand request, CancellationToken cancellationToken)
    {
        var warehouse = await db.Warehouses.SingleOrDefaultAsync(w => w.Code == request.WarehouseCode, cancellationToken)
            ?? throw new NotFoundException("Warehouse", request.WarehouseCode);
        if (await db.Locations.AnyAsync(l => l.Code == request.Code, cancellationToken))
        {
            throw new ConflictException($"Location code '{request.Code}' is already used; location codes are unique across all warehouses.", "duplicate-location");
        }

        var type = Enum.Parse<LocationType>(request.Type!, ignoreCase: true);
        var location = Location.Create(warehouse, request.Code!, type, request.Sku, clock.GetUtcNow().UtcDateTime);
        db.Locations.Add(location);
        putawayCandidates.InvalidateWhenEnded(unitOfWork, warehouse.Code);
        return new LocationDto(location.Code, location.Type, warehouse.Code, location.Sku, location.CreatedAt);
    }
}
