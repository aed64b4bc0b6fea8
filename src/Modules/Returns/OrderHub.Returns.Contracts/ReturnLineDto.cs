using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>A line of a return.</summary>
public sealed record ReturnLineDto(
    Guid Id, Guid OrderLineId, string Sku, int Quantity, [property: Money] decimal UnitPrice, ReturnReason ReasonCode, string? Comment,
    bool KeepIt, ItemCondition? Condition, Disposition? Disposition, [property: Money] decimal RefundAmount);
