using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Orders.Domain.Events;

/// <summary>A shipment left the warehouse; <paramref name="Complete"/> when nothing is left to ship.</summary>
internal sealed record OrderShipped(Order Order, Shipment Shipment, bool Complete, DateTime OccurredAt) : IDomainEvent;
