using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Returns.Contracts;

/// <summary>A returned line as customer messages describe it.</summary>
public sealed record ReturnLineSnapshot(string Sku, int Quantity, ReturnReason ReasonCode, bool KeepIt, ItemCondition? Condition, Disposition? Disposition, decimal RefundAmount);

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

public sealed record ReturnRequested(Guid Id, DateTime OccurredAt, ReturnSnapshot Return) : IntegrationEvent(Id, OccurredAt);

/// <summary>Approved; <paramref name="LabelUrl"/> is the printable label (keep-it returns have none).</summary>
public sealed record ReturnApproved(Guid Id, DateTime OccurredAt, ReturnSnapshot Return, string? LabelUrl) : IntegrationEvent(Id, OccurredAt);

public sealed record ReturnRejected(Guid Id, DateTime OccurredAt, ReturnSnapshot Return, string Reason) : IntegrationEvent(Id, OccurredAt);

public sealed record ReturnReceived(Guid Id, DateTime OccurredAt, ReturnSnapshot Return) : IntegrationEvent(Id, OccurredAt);

/// <summary>Done: the refund, store credit or exchange order that was recorded.</summary>
public sealed record ReturnCompleted(Guid Id, DateTime OccurredAt, ReturnSnapshot Return, decimal? RefundAmount, decimal? StoreCreditAmount, string? ExchangeOrderNumber)
    : IntegrationEvent(Id, OccurredAt);

/// <summary>The parcel has not arrived and the return expires at <see cref="ReturnSnapshot.ShipBy"/>.</summary>
public sealed record ReturnExpiring(Guid Id, DateTime OccurredAt, ReturnSnapshot Return) : IntegrationEvent(Id, OccurredAt);

public sealed record ReturnExpired(Guid Id, DateTime OccurredAt, ReturnSnapshot Return) : IntegrationEvent(Id, OccurredAt);

/// <summary>A return was withdrawn before it was received.</summary>
public sealed record ReturnCancelled(Guid Id, DateTime OccurredAt, ReturnSnapshot Return) : IntegrationEvent(Id, OccurredAt);
