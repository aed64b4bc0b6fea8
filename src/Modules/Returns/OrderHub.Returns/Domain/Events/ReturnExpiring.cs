using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Returns.Domain.Events;

/// <summary>The parcel has not arrived and the return expires soon; the customer is reminded once.</summary>
internal sealed record ReturnExpiring(ReturnRequest Return, DateTime OccurredAt) : IDomainEvent;
