namespace OrderHub.Inventory.Contracts;

/// <summary>Goods in.</summary>
/// <param name="Sku">The SKU received.</param>
/// <param name="LocationCode">Where the units were put, e.g. a Receiving or Bulk location.</param>
/// <param name="Quantity">Units received, at least 1.</param>
/// <param name="Reference">Optional: purchase order, ASN or delivery note number.</param>
public sealed record ReceiveStockRequest(string? Sku, string? LocationCode, int? Quantity, string? Reference);
