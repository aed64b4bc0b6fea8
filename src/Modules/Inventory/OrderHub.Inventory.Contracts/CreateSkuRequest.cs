namespace OrderHub.Inventory.Contracts;

/// <summary>A new SKU of the catalogue.</summary>
/// <param name="Sku">The SKU code, unique.</param>
/// <param name="Name">Product name.</param>
/// <param name="Category">Category; return policies can differ per category.</param>
/// <param name="Barcode">Optional EAN/UPC or internal barcode, unique; scanners look SKUs up by it.</param>
/// <param name="UnitPrice">Optional list price, at most two decimals.</param>
/// <param name="Returnable">Whether customers may return it; default true.</param>
/// <param name="LowStockThreshold">Optional: raise a <c>stock.low</c> event when available stock falls to or below this.</param>
public sealed record CreateSkuRequest(string? Sku, string? Name, string? Category, string? Barcode, decimal? UnitPrice, bool? Returnable, int? LowStockThreshold);
