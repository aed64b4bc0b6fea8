using OrderHub.Inventory.Contracts;

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
}
