namespace OrderHub.Orders.Contracts;

/// <summary>A shipment of some or all remaining units, from one warehouse.</summary>
/// <param name="Lines">Order lines and units.</param>
/// <param name="Carrier">Carrier name.</param>
/// <param name="TrackingNumber">The carrier's tracking number.</param>
/// <param name="WarehouseCode">Where the parcel leaves from; may be left out when the lines' units are allocated to one warehouse.</param>
public sealed record ShipOrderRequest(IReadOnlyList<ShipmentLineRequest>? Lines, string? Carrier, string? TrackingNumber, string? WarehouseCode = null);

/// <summary>Units of one order line in a shipment.</summary>
public sealed record ShipmentLineRequest(Guid? OrderLineId, int? Quantity);
