using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Returns.Contracts;

public sealed record ReturnReceived(Guid Id, DateTime OccurredAt, ReturnSnapshot Return) : IntegrationEvent(Id, OccurredAt);
