using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Returns.Domain.Events;

/// <summary>The return was refused for a reason the customer will read.</summary>
internal sealed record ReturnRejected(ReturnRequest Return, string Reason, DateTime OccurredAt) : IDomainEvent;
