namespace OrderHub.Returns.Contracts;

/// <summary>
/// What a customer message about a return needs, and when it passed each stage (null until it did).
/// <c>OrderId</c>/<c>OrderNumber</c> are the order of the first line, as they always were; <c>OrderIds</c> lists every
/// order the return takes items from (null in events written before returns could span orders), and each line names its
/// own order.
/// </summary>
public sealed record ReturnSnapshot(
    Guid ReturnId,
    string RmaNumber,
    ReturnStatus Status,
    Guid OrderId,
    string OrderNumber,
    string? Storefront,
    string CustomerEmail,
    string CustomerName,
    string Locale,
    ReturnResolution Resolution,
    string? ExchangeSku,
    string Currency,
    decimal RefundEstimate,
    DateTime? ShipBy,
    IReadOnlyList<ReturnLineSnapshot> Lines,
    DateTime? RequestedAt = null,
    DateTime? ApprovedAt = null,
    DateTime? ReceivedAt = null,
    DateTime? CompletedAt = null,
    IReadOnlyList<Guid>? OrderIds = null);
