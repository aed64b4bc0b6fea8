using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Returns.Domain.Events;

/// <summary>The return is settled: refund, store credit, or an exchange whose replacement order exists.</summary>
internal sealed record ReturnCompleted(ReturnRequest Return, DateTime OccurredAt) : IDomainEvent;
