using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Inventory.Contracts;

/// <summary>A SKU of the catalogue.</summary>
public sealed record SkuDto(string Sku, string Name, string Category, string? Barcode, [property: Money] decimal? UnitPrice, bool Returnable, int? LowStockThreshold, DateTime CreatedAt);
