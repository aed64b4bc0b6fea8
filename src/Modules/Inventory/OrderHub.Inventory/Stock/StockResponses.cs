using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;

namespace OrderHub.Inventory.Stock;

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

/// <summary>The answer to a stock change: the movements it wrote and the SKU's new figures.</summary>
public sealed record StockChangeResponse(IReadOnlyList<StockMovementDto> Movements, StockSnapshot Stock);

internal static class StockMapping
{
    public static StockMovementDto ToDto(this StockMovement m) =>
        new(m.Id, m.Type, m.Quantity, m.ReservedDelta, m.LocationCode, m.Reason, m.Reference, m.Actor, m.OccurredAt);

    public static StockChangeResponse Response(SkuStock stock) =>
        new(stock.NewMovements.Select(ToDto).ToList(), stock.Snapshot());
}
