using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Inventory.Contracts;

/// <summary>Units of a SKU available to sell in one warehouse: sellable on-hand (Pick and Bulk) minus reserved there.</summary>
public sealed record WarehouseAvailability(string WarehouseCode, string Sku, int Available);

/// <summary>Units of a SKU shipped from one warehouse (ledger movements of type Shipment) since a moment.</summary>
public sealed record WarehouseShipments(string WarehouseCode, string Sku, int Shipped);

/// <summary>
/// Per warehouse, how many units of each SKU are available; warehouses that never held a SKU are left out,
/// so are SKUs that do not exist.
/// </summary>
public sealed record GetWarehouseAvailabilityQuery(IReadOnlyList<string> Skus) : IQuery<IReadOnlyList<WarehouseAvailability>>;

/// <summary>
/// Per warehouse, how many units of each SKU were shipped from it at or after <paramref name="Since"/>, from the
/// stock ledger; warehouses that shipped none are left out.
/// </summary>
public sealed record GetWarehouseShipmentsQuery(IReadOnlyList<string> Skus, DateTime Since) : IQuery<IReadOnlyList<WarehouseShipments>>;
