namespace OrderHub.Orders.Contracts;

/// <summary>A shipment of some or all remaining units.</summary>
public sealed record ShipOrderRequest(IReadOnlyList<ShipmentLineRequest>? Lines, string? Carrier, string? TrackingNumber);

/// <summary>Units of one order line in a shipment.</summary>
public sealed record ShipmentLineRequest(Guid? OrderLineId, int? Quantity);
