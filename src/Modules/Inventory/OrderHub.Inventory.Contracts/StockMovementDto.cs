namespace OrderHub.Inventory.Contracts;

/// <summary>One ledger movement. <c>quantity</c> changes on-hand, <c>reservedDelta</c> changes reserved, in <c>locationCode</c>.</summary>
public sealed record StockMovementDto(
    long Id,
    MovementType Type,
    int Quantity,
    int ReservedDelta,
    string LocationCode,
    string? Reason,
    string? Reference,
    string Actor,
    DateTime OccurredAt);
