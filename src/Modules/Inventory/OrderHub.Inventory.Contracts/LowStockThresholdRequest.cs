namespace OrderHub.Inventory.Contracts;

/// <summary>The low-stock threshold of a SKU.</summary>
/// <param name="Threshold">Raise <c>stock.low</c> when available stock falls to or below this; null turns the alert off.</param>
public sealed record LowStockThresholdRequest(int? Threshold);
