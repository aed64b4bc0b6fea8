using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// A return (RMA). <c>trackingNumber</c> is printed on its label; none when the customer keeps everything.
/// <c>orderId</c>/<c>orderNumber</c> name the order of the first line; each line names its own order.
/// <c>returnWarehouseCode</c> is where the parcel goes (the dock that received it, once received) and
/// <c>routingReason</c> says why in plain words.
/// </summary>
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
    string? TrackingNumber,
    string? ReturnWarehouseCode,
    string? RoutingReason);
