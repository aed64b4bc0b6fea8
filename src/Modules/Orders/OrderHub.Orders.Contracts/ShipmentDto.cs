namespace OrderHub.Orders.Contracts;

/// <summary>A parcel that left a warehouse; <c>warehouseCode</c> is null for orders placed before allocation.</summary>
public sealed record ShipmentDto(Guid Id, string? Carrier, string? TrackingNumber, DateTime ShippedAt, IReadOnlyList<ShipmentLineDto> Lines, string? WarehouseCode = null);

/// <summary>A line of a shipment.</summary>
public sealed record ShipmentLineDto(Guid OrderLineId, string Sku, int Quantity);
