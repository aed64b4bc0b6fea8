namespace OrderHub.Returns.Contracts;

/// <summary>What a customer message about a return needs, and when it passed each stage (null until it did).</summary>
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
    DateTime? CompletedAt = null);
