namespace OrderHub.Orders.Contracts;

/// <summary>Units that will never ship: their reservation is released and the order stops waiting for them.</summary>
/// <param name="Lines">Order lines and how many of their unshipped units will not ship.</param>
/// <param name="Reason">Why, for the timeline (e.g. damaged in the warehouse).</param>
public sealed record ShortShipRequest(IReadOnlyList<ShipmentLineRequest>? Lines, string? Reason);
