using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Orders.Domain.Events;

/// <summary>The order was cancelled before anything shipped.</summary>
internal sealed record OrderCancelled(Order Order, string? Reason, DateTime OccurredAt) : IDomainEvent;
