using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Orders.Contracts;

/// <summary>What consumers need of an order, so they never read the Orders module's tables.</summary>
public sealed record OrderSnapshot(
    Guid OrderId,
    string Number,
    string? Storefront,
    CustomerDto Customer,
    AddressDto ShippingAddress,
    string Currency,
    IReadOnlyList<OrderLineDto> Lines,
    DateTime CreatedAt,
    DateTime? DeliveredAt);

/// <summary>An order was accepted and its stock reserved.</summary>
public sealed record OrderConfirmed(Guid Id, DateTime OccurredAt, OrderSnapshot Order) : IntegrationEvent(Id, OccurredAt);

/// <summary>A shipment left the warehouse; <see cref="OrderSnapshot.Lines"/> carry the shipped quantities so far.</summary>
public sealed record OrderShipped(Guid Id, DateTime OccurredAt, OrderSnapshot Order, ShipmentDto Shipment, bool Complete) : IntegrationEvent(Id, OccurredAt);

/// <summary>The order reached the customer; the return window starts at <see cref="OrderSnapshot.DeliveredAt"/>.</summary>
public sealed record OrderDelivered(Guid Id, DateTime OccurredAt, OrderSnapshot Order) : IntegrationEvent(Id, OccurredAt);

/// <summary>The order was cancelled before shipping and its reservations released.</summary>
public sealed record OrderCancelled(Guid Id, DateTime OccurredAt, OrderSnapshot Order, string? Reason) : IntegrationEvent(Id, OccurredAt);
