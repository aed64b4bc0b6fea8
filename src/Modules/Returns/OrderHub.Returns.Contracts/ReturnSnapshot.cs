namespace OrderHub.Returns.Contracts;

/// <summary>What a customer message about a return needs.</summary>
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
    IReadOnlyList<ReturnLineSnapshot> Lines);
