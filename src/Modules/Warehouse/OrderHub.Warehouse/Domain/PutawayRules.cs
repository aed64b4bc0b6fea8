using OrderHub.BuildingBlocks.Domain;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.Domain;

/// <summary>
/// Where a unit goes for a purpose: received return → Returns; Restock → the SKU's pick face, else Bulk;
/// Refurbish → Refurbish; Dispose → Damaged; ReturnToVendor → ReturnToVendor. Among several locations of
/// the right type the lowest code wins, so the answer is stable.
/// </summary>
internal static class PutawayRules
{
    public static PutawayCandidate Resolve(string warehouseCode, string sku, PutawayPurpose purpose, IReadOnlyCollection<PutawayCandidate> locations)
    {
        var ordered = locations.OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        if (purpose == PutawayPurpose.Restock)
        {
            return ordered.FirstOrDefault(l => l.Type == LocationType.Pick && string.Equals(l.Sku, sku, StringComparison.Ordinal))
                ?? ordered.FirstOrDefault(l => l.Type == LocationType.Bulk)
                ?? throw Missing(warehouseCode, purpose, $"neither a Pick location for SKU '{sku}' nor a Bulk location");
        }

        var type = DestinationType(purpose);
        return ordered.FirstOrDefault(l => l.Type == type)
            ?? throw Missing(warehouseCode, purpose, $"no {type} location");
    }

    private static LocationType DestinationType(PutawayPurpose purpose) => purpose switch
    {
        PutawayPurpose.ReceivedReturn => LocationType.Returns,
        PutawayPurpose.Refurbish => LocationType.Refurbish,
        PutawayPurpose.Dispose => LocationType.Damaged,
        PutawayPurpose.ReturnToVendor => LocationType.ReturnToVendor,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Restock has its own rule."),
    };

    private static BusinessRuleException Missing(string warehouseCode, PutawayPurpose purpose, string what) =>
        new($"Warehouse '{warehouseCode}' has {what}, so units cannot be put away for {purpose}; add such a location first.",
            "no-putaway-location",
            new Dictionary<string, object?> { ["warehouseCode"] = warehouseCode, ["purpose"] = purpose.ToString() });
}
