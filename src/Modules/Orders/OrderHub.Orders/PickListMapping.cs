using OrderHub.Orders.Contracts;
using OrderHub.Orders.Domain;

namespace OrderHub.Orders;

/// <summary>Pick lists as the API shows them: lines in walk order.</summary>
internal static class PickListMapping
{
    public static PickListDto ToDto(this PickList list) => new(
        list.Id,
        list.WarehouseCode,
        list.Status,
        list.CreatedAt,
        list.CompletedAt,
        list.RemainingUnits,
        list.Lines.OrderBy(l => l.Position).Select(ToDto).ToList());

    public static PickListLineDto ToDto(this PickListLine line) =>
        new(line.OrderId, line.OrderLineId, line.Sku, line.LocationCode, line.Quantity, line.PickedQuantity, line.Remaining, line.Ended);
}
