using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Warehouse.Contracts;

/// <summary>Why a unit is being put away; each purpose has its own kind of destination.</summary>
public enum PutawayPurpose
{
    /// <summary>A customer return arriving at the dock: the warehouse's Returns location.</summary>
    ReceivedReturn,

    /// <summary>Back on the shelf: the SKU's Pick location in the warehouse, else a Bulk location.</summary>
    Restock,

    Refurbish,

    /// <summary>Written off: the Damaged location.</summary>
    Dispose,

    ReturnToVendor,
}

/// <summary>
/// Where a unit of <paramref name="Sku"/> goes in warehouse <paramref name="WarehouseCode"/> for
/// <paramref name="Purpose"/>. 404 for an unknown warehouse; 422 when the warehouse has no location of the
/// kind the purpose needs.
/// </summary>
public sealed record GetPutawayLocationQuery(string Sku, string WarehouseCode, PutawayPurpose Purpose) : IQuery<LocationInfo>;
