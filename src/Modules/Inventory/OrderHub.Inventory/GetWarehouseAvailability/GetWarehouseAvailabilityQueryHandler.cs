using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.GetWarehouseAvailability;

/// <summary>Answers <see cref="GetWarehouseAvailabilityQuery"/> for other modules, with the arithmetic of <c>available</c> per warehouse.</summary>
internal sealed class GetWarehouseAvailabilityQueryHandler(InventoryDbContext db) : IRequestHandler<GetWarehouseAvailabilityQuery, IReadOnlyList<WarehouseAvailability>>
{
    public async Task<IReadOnlyList<WarehouseAvailability>> Handle(GetWarehouseAvailabilityQuery request, CancellationToken cancellationToken)
    {
        var codes = request.Skus.Distinct(StringComparer.Ordinal).ToList();
        var levels = await db.StockLevels.AsNoTracking()
            .Where(l => codes.Contains(l.Sku))
            .Select(l => new { l.WarehouseCode, l.Sku, l.LocationType, l.OnHand, l.Reserved })
            .ToListAsync(cancellationToken);
        return levels
            .GroupBy(l => (l.WarehouseCode, l.Sku))
            .Select(g => new WarehouseAvailability(g.Key.WarehouseCode, g.Key.Sku, g.Where(l => l.LocationType.IsSellable()).Sum(l => l.OnHand - l.Reserved)))
            .OrderBy(a => a.WarehouseCode, StringComparer.Ordinal)
            .ThenBy(a => a.Sku, StringComparer.Ordinal)
            .ToList();
    }
}
