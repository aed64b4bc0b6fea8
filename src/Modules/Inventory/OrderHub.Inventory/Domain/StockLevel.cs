using OrderHub.BuildingBlocks.Domain;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.Domain;

/// <summary>
/// Stock of one SKU in one location. Only changed through <see cref="SkuStock"/>, which writes the matching
/// ledger movement; on-hand never goes below zero or below what is reserved here.
/// </summary>
internal sealed class StockLevel
{
    private StockLevel()
    {
    }

    public string Sku { get; private set; } = string.Empty;

    public string LocationCode { get; private set; } = string.Empty;

    /// <summary>Copied from the Warehouse module when the SKU first enters the location; location types never change.</summary>
    public LocationType LocationType { get; private set; }

    public string WarehouseCode { get; private set; } = string.Empty;

    public int OnHand { get; private set; }

    public int Reserved { get; private set; }

    public bool Sellable => LocationType.IsSellable();

    /// <summary>Units that can still be moved out or reserved.</summary>
    public int Free => OnHand - Reserved;

    public static StockLevel Empty(string sku, LocationInfo location) => new()
    {
        Sku = sku,
        LocationCode = location.Code,
        LocationType = location.Type,
        WarehouseCode = location.WarehouseCode,
    };

    internal void Apply(int onHandDelta, int reservedDelta)
    {
        var onHand = OnHand + onHandDelta;
        var reserved = Reserved + reservedDelta;
        if (onHand < 0)
        {
            throw Conflict($"Location {LocationCode} holds {OnHand} unit(s) of {Sku}; the change of {onHandDelta} would make stock negative.");
        }

        if (reserved < 0 || onHand < reserved)
        {
            throw Conflict($"Location {LocationCode} holds {OnHand} unit(s) of {Sku} of which {Reserved} are reserved; the change would leave fewer units than are reserved.");
        }

        if (reserved > 0 && !Sellable)
        {
            throw new InvalidOperationException($"Stock in {LocationType} location {LocationCode} cannot be reserved.");
        }

        OnHand = onHand;
        Reserved = reserved;
    }

    private static ConflictException Conflict(string message) => new(message, "insufficient-stock");
}
