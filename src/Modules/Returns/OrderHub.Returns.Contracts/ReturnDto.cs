using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>A return (RMA). <c>trackingNumber</c> is printed on its label; none when the customer keeps everything.</summary>
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
    int Version,
    string? TrackingNumber);
