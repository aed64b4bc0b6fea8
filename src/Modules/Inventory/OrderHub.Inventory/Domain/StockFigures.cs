using OrderHub.Inventory.Contracts;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.Domain;

/// <summary>The arithmetic of the stock figures, shared by the read side and the change events.</summary>
internal static class StockFigures
{
    public static StockSnapshot Snapshot(string sku, IEnumerable<StockLevel> levels, int inboundReturns, RestockHistory history)
    {
        var locations = levels
            .OrderBy(l => l.LocationCode, StringComparer.Ordinal)
            .Select(l => new LocationStock(l.LocationCode, l.LocationType, l.OnHand, l.Reserved, l.Sellable ? l.Free : 0))
            .ToList();
        var onHand = locations.Sum(l => l.OnHand);
        var reserved = locations.Sum(l => l.Reserved);
        var sellableOnHand = locations.Where(l => l.Type.IsSellable()).Sum(l => l.OnHand);
        return new StockSnapshot(sku, onHand, reserved, sellableOnHand - reserved, inboundReturns, history.ExpectedFrom(inboundReturns), onHand - sellableOnHand, locations);
    }
}
