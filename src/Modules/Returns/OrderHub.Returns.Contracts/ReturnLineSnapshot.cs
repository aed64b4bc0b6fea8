namespace OrderHub.Returns.Contracts;

/// <summary>A returned line as customer messages describe it; <c>OrderId</c> is the line's own order (null in events written before returns could span orders).</summary>
public sealed record ReturnLineSnapshot(
    string Sku, int Quantity, ReturnReason ReasonCode, bool KeepIt, ItemCondition? Condition, Disposition? Disposition, decimal RefundAmount, Guid? OrderId = null);
