using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Returns.Domain.Events;

/// <summary>The parcel arrived at the warehouse.</summary>
internal sealed record ReturnReceived(ReturnRequest Return, DateTime OccurredAt) : IDomainEvent;
