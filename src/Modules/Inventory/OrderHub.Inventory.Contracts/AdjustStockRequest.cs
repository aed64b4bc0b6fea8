namespace OrderHub.Inventory.Contracts;

/// <summary>A correction of the stock in one location.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="LocationCode">The location counted or corrected.</param>
/// <param name="QuantityDelta">Units added (positive) or removed (negative); never 0.</param>
/// <param name="Reason">One of <c>Correction, CycleCount, Damaged, Shrinkage, Found</c>.</param>
public sealed record AdjustStockRequest(string? Sku, string? LocationCode, int? QuantityDelta, string? Reason);
