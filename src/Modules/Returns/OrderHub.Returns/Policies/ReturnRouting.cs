using OrderHub.Inventory.Contracts;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Returns.Policies;

/// <summary>
/// Sends a parcel where its items are needed most, unless the policy pins a warehouse. Need is units available in a
/// warehouse against units it shipped over the last <see cref="SalesWindowDays"/> days, each SKU weighted by the
/// quantity coming back; the lowest ratio wins, then, where no warehouse shipped any, the fewest units available;
/// ties go to the preferred warehouse (lower priority, as allocation ranks them), then to the lower code. Pure, so every
/// edge is unit-tested.
/// </summary>
internal static class ReturnRouting
{
    public const int SalesWindowDays = 30;

    public static ReturnRoute Pinned(string warehouseCode, int policyVersion) => new(warehouseCode, $"pinned by policy v{policyVersion}");

    public static ReturnRoute ByNeed(
        IReadOnlyList<StockLine> returned,
        IReadOnlyList<WarehouseAvailability> availability,
        IReadOnlyList<WarehouseShipments> shipments,
        IReadOnlyDictionary<string, int>? priorities = null)
    {
        var quantities = returned.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        var needs = availability.Select(a => a.WarehouseCode)
            .Concat(shipments.Select(s => s.WarehouseCode))
            .Distinct(StringComparer.Ordinal)
            .Select(code => Need.Of(
                code,
                availability.Where(a => a.WarehouseCode == code && quantities.ContainsKey(a.Sku)).Select(a => (a.Sku, Units: Math.Max(0, a.Available))),
                shipments.Where(s => s.WarehouseCode == code && quantities.ContainsKey(s.Sku)).Select(s => (s.Sku, Units: s.Shipped)),
                quantities))
            .OrderBy(n => n.WeightedShipped > 0 ? 0 : 1)
            .ThenBy(n => n.WeightedShipped > 0 ? (decimal)n.WeightedAvailable / n.WeightedShipped : n.WeightedAvailable)
            .ThenBy(n => priorities?.GetValueOrDefault(n.WarehouseCode, WarehouseRank.DefaultPriority) ?? WarehouseRank.DefaultPriority)
            .ThenBy(n => n.WarehouseCode, StringComparer.Ordinal)
            .ToList();
        if (needs.Count == 0)
        {
            return new ReturnRoute(null, "no warehouse stocks or ships these SKUs and the policy pins none");
        }

        var winner = needs[0];
        return winner.WeightedShipped > 0
            ? new ReturnRoute(winner.WarehouseCode, $"{winner.WarehouseCode} needs these SKUs most: {winner.Available} available against {winner.Shipped} sold in {SalesWindowDays} days")
            : new ReturnRoute(winner.WarehouseCode, $"{winner.WarehouseCode} holds the fewest of these SKUs: {winner.Available} available and none sold in {SalesWindowDays} days");
    }

    /// <summary>A warehouse's units of the returned SKUs: plain counts for the reason, weighted by returned quantity for the ranking.</summary>
    private sealed record Need(string WarehouseCode, int Available, int Shipped, long WeightedAvailable, long WeightedShipped)
    {
        public static Need Of(string code, IEnumerable<(string Sku, int Units)> available, IEnumerable<(string Sku, int Units)> shipped, IReadOnlyDictionary<string, int> quantities)
        {
            var a = available.ToList();
            var s = shipped.ToList();
            return new Need(code, a.Sum(x => x.Units), s.Sum(x => x.Units), a.Sum(x => (long)x.Units * quantities[x.Sku]), s.Sum(x => (long)x.Units * quantities[x.Sku]));
        }
    }
}
