using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Returns.Contracts;

/// <summary>Done: the refund, store credit or exchange order that was recorded.</summary>
public sealed record ReturnCompleted(Guid Id, DateTime OccurredAt, ReturnSnapshot Return, decimal? RefundAmount, decimal? StoreCreditAmount, string? ExchangeOrderNumber)
    : IntegrationEvent(Id, OccurredAt);
