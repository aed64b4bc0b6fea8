using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Returns.Contracts;

/// <summary>Approved; <paramref name="LabelUrl"/> is the printable label (keep-it returns have none).</summary>
public sealed record ReturnApproved(Guid Id, DateTime OccurredAt, ReturnSnapshot Return, string? LabelUrl) : IntegrationEvent(Id, OccurredAt);
