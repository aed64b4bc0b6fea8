namespace OrderHub.Returns.Contracts;

/// <summary>A returned line as customer messages describe it.</summary>
public sealed record ReturnLineSnapshot(string Sku, int Quantity, ReturnReason ReasonCode, bool KeepIt, ItemCondition? Condition, Disposition? Disposition, decimal RefundAmount);
