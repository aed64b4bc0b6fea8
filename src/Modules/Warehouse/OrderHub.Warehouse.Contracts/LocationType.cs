namespace OrderHub.Warehouse.Contracts;

/// <summary>What a storage location is for; only Pick and Bulk hold sellable stock.</summary>
public enum LocationType
{
    Pick,
    Bulk,
    Receiving,
    Returns,
    Quarantine,
    Damaged,
    Refurbish,
    ReturnToVendor,
}

public static class LocationTypes
{
    /// <summary>Stock in Pick and Bulk locations can be sold; everything else counts as non-sellable.</summary>
    public static bool IsSellable(this LocationType type) => type is LocationType.Pick or LocationType.Bulk;
}
