using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Returns.Domain.Events;

/// <summary>The parcel did not arrive before the ship-by date.</summary>
internal sealed record ReturnExpired(ReturnRequest Return, DateTime OccurredAt) : IDomainEvent;
