using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Orders.Domain.Events;

/// <summary>An order was placed with its stock reserved.</summary>
internal sealed record OrderConfirmed(Order Order, DateTime OccurredAt) : IDomainEvent;
