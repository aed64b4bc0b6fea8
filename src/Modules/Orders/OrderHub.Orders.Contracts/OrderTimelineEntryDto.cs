namespace OrderHub.Orders.Contracts;

/// <summary>One state change of an order.</summary>
public sealed record OrderTimelineEntryDto(DateTime OccurredAt, string Event, OrderStatus Status, string Actor, string? Detail);
