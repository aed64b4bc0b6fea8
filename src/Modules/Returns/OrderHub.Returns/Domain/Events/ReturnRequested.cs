using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Returns.Domain.Events;

/// <summary>A customer, a storefront or staff asked for a return.</summary>
internal sealed record ReturnRequested(ReturnRequest Return, DateTime OccurredAt) : IDomainEvent;
