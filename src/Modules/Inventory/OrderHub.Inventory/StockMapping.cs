using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;

namespace OrderHub.Inventory;

internal static class StockMapping
{
    public static StockMovementDto ToDto(this StockMovement m) =>
        new(m.Id, m.Type, m.Quantity, m.ReservedDelta, m.LocationCode, m.Reason, m.Reference, m.Actor, m.OccurredAt);

    public static StockChangeResponse Response(SkuStock stock) =>
        new(stock.NewMovements.Select(ToDto).ToList(), stock.Snapshot());
}
