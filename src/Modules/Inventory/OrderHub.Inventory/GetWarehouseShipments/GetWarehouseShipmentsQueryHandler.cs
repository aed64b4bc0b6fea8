using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.GetWarehouseShipments;

/// <summary>
/// Answers <see cref="GetWarehouseShipmentsQuery"/> for other modules from the ledger. A movement names its location;
/// the location's stock level, which every movement goes through, names the warehouse.
/// </summary>
internal sealed class GetWarehouseShipmentsQueryHandler(InventoryDbContext db) : IRequestHandler<GetWarehouseShipmentsQuery, IReadOnlyList<WarehouseShipments>>
{
    public async Task<IReadOnlyList<WarehouseShipments>> Handle(GetWarehouseShipmentsQuery request, CancellationToken cancellationToken)
    {
        var codes = request.Skus.Distinct(StringComparer.Ordinal).ToList();
        var since = request.Since;
        var shipped = await db.Movements.AsNoTracking()
            .Where(m => codes.Contains(m.Sku) && m.Type == MovementType.Shipment && m.OccurredAt >= since)
            .GroupBy(m => new { m.Sku, m.LocationCode })
            .Select(g => new { g.Key.Sku, g.Key.LocationCode, Quantity = g.Sum(m => m.Quantity) })
            .ToListAsync(cancellationToken);
        if (shipped.Count == 0)
        {
            return [];
        }

        var warehouses = await db.StockLevels.AsNoTracking()
            .Where(l => codes.Contains(l.Sku))
            .Select(l => new { l.Sku, l.LocationCode, l.WarehouseCode })
            .ToDictionaryAsync(l => (l.Sku, l.LocationCode), l => l.WarehouseCode, cancellationToken);

        // A shipment lowers on-hand, so its quantity is negative.
        return shipped
            .Where(s => warehouses.ContainsKey((s.Sku, s.LocationCode)))
            .GroupBy(s => (Warehouse: warehouses[(s.Sku, s.LocationCode)], s.Sku))
            .Select(g => new WarehouseShipments(g.Key.Warehouse, g.Key.Sku, -g.Sum(s => s.Quantity)))
            .Where(s => s.Shipped > 0)
            .OrderBy(s => s.WarehouseCode, StringComparer.Ordinal)
            .ThenBy(s => s.Sku, StringComparer.Ordinal)
            .ToList();
    }
}
