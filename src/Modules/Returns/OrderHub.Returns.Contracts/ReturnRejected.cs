using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Returns.Contracts;

public sealed record ReturnRejected(Guid Id, DateTime OccurredAt, ReturnSnapshot Return, string Reason) : IntegrationEvent(Id, OccurredAt);
