using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Returns.Contracts;

public sealed record ReturnRequested(Guid Id, DateTime OccurredAt, ReturnSnapshot Return) : IntegrationEvent(Id, OccurredAt);
