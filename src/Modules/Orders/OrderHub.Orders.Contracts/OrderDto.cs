using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Orders.Contracts;

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

/// <summary>A line of an order; <c>shortShippedQuantity</c> units will never ship.</summary>
public sealed record OrderLineDto(Guid Id, string Sku, int Quantity, [property: Money] decimal UnitPrice, int ShippedQuantity, int ShortShippedQuantity = 0);

/// <summary>The customer who placed the order.</summary>
/// <param name="Email">Where order and return messages go.</param>
/// <param name="Name">Full name.</param>
/// <param name="Locale">Language for messages, e.g. <c>en</c>, <c>fr</c>, <c>pl</c>, <c>zh</c> (default <c>en</c>).</param>
/// <param name="Segment">Customer segment, e.g. <c>standard</c> or <c>loyal</c>; return policies can extend windows per segment.</param>
public sealed record CustomerDto(string Email, string Name, string Locale, string? Segment);

/// <summary>A postal address.</summary>
public sealed record AddressDto(string? Name, string Line1, string? Line2, string City, string PostalCode, string? Region, string Country);
