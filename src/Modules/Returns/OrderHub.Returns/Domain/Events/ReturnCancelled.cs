using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Returns.Domain.Events;

/// <summary>The return was withdrawn before it was received.</summary>
internal sealed record ReturnCancelled(ReturnRequest Return, DateTime OccurredAt) : IDomainEvent;
