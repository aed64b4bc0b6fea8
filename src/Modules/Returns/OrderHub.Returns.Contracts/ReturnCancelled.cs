using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Returns.Contracts;

/// <summary>A return was withdrawn before it was received.</summary>
public sealed record ReturnCancelled(Guid Id, DateTime OccurredAt, ReturnSnapshot Return) : IntegrationEvent(Id, OccurredAt);
