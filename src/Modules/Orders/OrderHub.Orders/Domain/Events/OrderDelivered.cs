using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Orders.Domain.Events;

/// <summary>The order reached the customer.</summary>
internal sealed record OrderDelivered(Order Order, DateTime OccurredAt) : IDomainEvent;
