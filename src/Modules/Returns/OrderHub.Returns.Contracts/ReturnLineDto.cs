using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>A line of a return, with the order it came from (an RMA may return items of several orders).</summary>
public sealed record ReturnLineDto(
    Guid Id, Guid OrderLineId, string Sku, int Quantity, [property: Money] decimal UnitPrice, ReturnReason ReasonCode, string? Comment,
    bool KeepIt, ItemCondition? Condition, Disposition? Disposition, [property: Money] decimal RefundAmount, Guid OrderId, string OrderNumber);
