using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Inventory.Contracts;

/// <summary>Catalogue master data of a SKU as other modules see it.</summary>
public sealed record SkuInfo(string Sku, string Name, string Category, string? Barcode, decimal? UnitPrice, bool Returnable);

/// <summary>Looks SKUs up by code; codes that do not exist are left out of the answer.</summary>
public sealed record GetSkusQuery(IReadOnlyList<string> Skus) : IQuery<IReadOnlyList<SkuInfo>>;
