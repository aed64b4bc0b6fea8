using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>Whether and how much of an order line can still be returned, and why not when it cannot.</summary>
public sealed record ReturnableLineDto(Guid OrderLineId, string Sku, int OrderedQuantity, int ShippedQuantity, int ReturnableQuantity, DateTime? Deadline, bool Eligible, IReadOnlyList<string> Reasons);

/// <summary>A line of a return request.</summary>
public sealed record ReturnLineRequest(Guid? OrderLineId, int? Quantity, ReturnReason? ReasonCode, string? Comment);

/// <summary>A customer's return request.</summary>
public sealed record CreateReturnRequest(Guid? OrderId, IReadOnlyList<ReturnLineRequest>? Lines, ReturnResolution? Resolution, string? ExchangeSku);

/// <summary>Why a request was rejected.</summary>
public sealed record RejectReturnRequest(string? Reason);

/// <summary>The dock scan of a parcel.</summary>
public sealed record ReceiveReturnRequest(string? RmaNumber, string? WarehouseCode);

/// <summary>Grading of every received line.</summary>
public sealed record InspectReturnRequest(IReadOnlyList<InspectionLineRequest>? Lines);

/// <summary>Grading of one line.</summary>
public sealed record InspectionLineRequest(Guid? ReturnLineId, ItemCondition? Condition, Disposition? Disposition);

/// <summary>Order number and email open a customer's self-service session.</summary>
public sealed record PortalSessionRequest(string? OrderNumber, string? Email);

/// <summary>A self-service token for one order; send it as <c>X-Portal-Token</c>.</summary>
public sealed record PortalSessionDto(string Token, Guid OrderId, DateTime ExpiresAt);

/// <summary>A line of a return.</summary>
public sealed record ReturnLineDto(
    Guid Id, Guid OrderLineId, string Sku, int Quantity, [property: Money] decimal UnitPrice, ReturnReason ReasonCode, string? Comment,
    bool KeepIt, ItemCondition? Condition, Disposition? Disposition, [property: Money] decimal RefundAmount);

/// <summary>Money owed to the customer after fees.</summary>
public sealed record RefundBreakdown(
    [property: Money] decimal ItemsValue,
    [property: Money] decimal RestockingFee,
    [property: Money] decimal ShippingFee,
    [property: Money] decimal StoreCreditBonus,
    [property: Money] decimal Total,
    string Currency);

/// <summary>A return (RMA).</summary>
public sealed record ReturnDto(
    Guid Id,
    string RmaNumber,
    ReturnStatus Status,
    Guid OrderId,
    string OrderNumber,
    string? Storefront,
    string CustomerEmail,
    ReturnResolution Resolution,
    string? ExchangeSku,
    int PolicyVersion,
    RefundBreakdown RefundEstimate,
    IReadOnlyList<ReturnLineDto> Lines,
    IReadOnlyList<string> ReviewReasons,
    string? RejectionReason,
    DateTime CreatedAt,
    DateTime? ApprovedAt,
    DateTime? ShipBy,
    DateTime? ReceivedAt,
    DateTime? CompletedAt,
    DateTime? InspectionOverdueSince,
    [property: Money] decimal? RefundAmount,
    [property: Money] decimal? StoreCreditAmount,
    string? ExchangeOrderNumber,
    string? LabelUrl,
    int Version);

/// <summary>A return in a list.</summary>
public sealed record ReturnSummaryDto(Guid Id, string RmaNumber, ReturnStatus Status, string OrderNumber, string CustomerEmail, ReturnResolution Resolution, DateTime CreatedAt, DateTime? InspectionOverdueSince);

/// <summary>One state change of a return.</summary>
public sealed record ReturnTimelineEntryDto(DateTime OccurredAt, string Event, ReturnStatus Status, string Actor, string? Detail);
