using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Orders.Contracts;

/// <summary>Order status. <c>Confirmed</c> (stock reserved) → <c>PartiallyShipped</c> → <c>Shipped</c> → <c>Delivered</c>; or <c>Cancelled</c> before anything shipped.</summary>
public enum OrderStatus
{
    Confirmed,
    PartiallyShipped,
    Shipped,
    Delivered,
    Cancelled,
}

/// <summary>The customer who placed the order.</summary>
/// <param name="Email">Where order and return messages go.</param>
/// <param name="Name">Full name.</param>
/// <param name="Locale">Language for messages, e.g. <c>en</c>, <c>fr</c>, <c>pl</c>, <c>zh</c> (default <c>en</c>).</param>
/// <param name="Segment">Customer segment, e.g. <c>standard</c> or <c>loyal</c>; return policies can extend windows per segment.</param>
public sealed record CustomerDto(string Email, string Name, string Locale, string? Segment);

/// <summary>A postal address.</summary>
public sealed record AddressDto(string? Name, string Line1, string? Line2, string City, string PostalCode, string? Region, string Country);

/// <summary>A line of an order.</summary>
public sealed record OrderLineDto(Guid Id, string Sku, int Quantity, [property: Money] decimal UnitPrice, int ShippedQuantity);

/// <summary>A line of a shipment.</summary>
public sealed record ShipmentLineDto(Guid OrderLineId, string Sku, int Quantity);

/// <summary>A parcel that left the warehouse.</summary>
public sealed record ShipmentDto(Guid Id, string? Carrier, string? TrackingNumber, DateTime ShippedAt, IReadOnlyList<ShipmentLineDto> Lines);

/// <summary>An order with its lines and shipments.</summary>
public sealed record OrderDto(
    Guid Id,
    string Number,
    OrderStatus Status,
    string? Storefront,
    string? ExternalReference,
    CustomerDto Customer,
    AddressDto ShippingAddress,
    string Currency,
    [property: Money] decimal Total,
    IReadOnlyList<OrderLineDto> Lines,
    IReadOnlyList<ShipmentDto> Shipments,
    DateTime CreatedAt,
    DateTime? DeliveredAt,
    DateTime? CancelledAt,
    int Version);

/// <summary>An order in a list.</summary>
public sealed record OrderSummaryDto(Guid Id, string Number, OrderStatus Status, string? Storefront, string CustomerEmail, string Currency, DateTime CreatedAt, DateTime? DeliveredAt);

/// <summary>One state change of an order.</summary>
public sealed record OrderTimelineEntryDto(DateTime OccurredAt, string Event, OrderStatus Status, string Actor, string? Detail);
