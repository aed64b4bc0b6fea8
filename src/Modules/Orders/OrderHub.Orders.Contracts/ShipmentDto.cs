namespace OrderHub.Orders.Contracts;

/// <summary>A parcel that left the warehouse.</summary>
public sealed record ShipmentDto(Guid Id, string? Carrier, string? TrackingNumber, DateTime ShippedAt, IReadOnlyList<ShipmentLineDto> Lines);

/// <summary>A line of a shipment.</summary>
public sealed record ShipmentLineDto(Guid OrderLineId, string Sku, int Quantity);
