using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Returns.Contracts;

/// <summary>The parcel has not arrived and the return expires at <see cref="ReturnSnapshot.ShipBy"/>.</summary>
public sealed record ReturnExpiring(Guid Id, DateTime OccurredAt, ReturnSnapshot Return) : IntegrationEvent(Id, OccurredAt);
