using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Domain;

namespace OrderHub.Orders;

internal static class StockLines
{
    /// <summary>
    /// One line per SKU, in SKU order, so every order locks stock rows in the same order and two orders
    /// cannot deadlock on them.
    /// </summary>
    public static List<StockLine> PerSku(IEnumerable<(string Sku, int Quantity)> lines) => lines
        .GroupBy(l => l.Sku, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity)))
        .ToList();

    /// <summary>Allocated units as Inventory's contract names them, one per SKU and location, in SKU order (lock order).</summary>
    public static List<StockAllocation> ToStock(this IEnumerable<AllocatedUnits> units) => units
        .GroupBy(u => (u.Sku, u.WarehouseCode, u.LocationCode))
        .OrderBy(g => g.Key.Sku, StringComparer.Ordinal).ThenBy(g => g.Key.LocationCode, StringComparer.Ordinal)
        .Select(g => new StockAllocation(g.Key.Sku, g.Key.WarehouseCode, g.Key.LocationCode, g.Sum(u => u.Quantity)))
        .ToList();
}
