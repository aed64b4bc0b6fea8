namespace OrderHub.Inventory.Contracts;

/// <summary>A move of unreserved units between two locations.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="FromLocationCode">Where the units are now.</param>
/// <param name="ToLocationCode">Where they go; any warehouse.</param>
/// <param name="Quantity">Units moved, at least 1.</param>
public sealed record TransferStockRequest(string? Sku, string? FromLocationCode, string? ToLocationCode, int? Quantity);
