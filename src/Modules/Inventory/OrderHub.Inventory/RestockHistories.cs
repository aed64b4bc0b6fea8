using Microsoft.EntityFrameworkCore;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory;

internal static class RestockHistories
{
    /// <summary>The restock history of each SKU, from its saved putaway movements; SKUs without any are left out.</summary>
    public static async Task<Dictionary<string, RestockHistory>> RestockHistoriesAsync(this InventoryDbContext db, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var restock = RestockHistory.RestockReason;
        var rows = await db.Movements.AsNoTracking()
            .Where(m => skus.Contains(m.Sku) && m.Type == MovementType.PutawayIn)
            .GroupBy(m => m.Sku)
            .Select(g => new { Sku = g.Key, Inspected = g.Sum(m => m.Quantity), Restocked = g.Sum(m => m.Reason == restock ? m.Quantity : 0) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Sku, r => new RestockHistory(r.Inspected, r.Restocked), StringComparer.Ordinal);
    }
}
