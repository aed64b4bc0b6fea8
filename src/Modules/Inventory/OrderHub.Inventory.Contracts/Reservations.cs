using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Inventory.Contracts;

/// <summary>One SKU and quantity of a reservation request.</summary>
public sealed record StockLine(string Sku, int Quantity);

/// <summary>A SKU that could not be reserved in full.</summary>
public sealed record StockShortage(string Sku, int Requested, int Available);

/// <summary>Outcome of a reservation: all lines reserved, or none and the shortages.</summary>
public sealed record ReservationResult(bool Succeeded, IReadOnlyList<StockShortage> Shortages);

/// <summary>
/// Reserves every line for <paramref name="Reference"/> (an order id) atomically, or nothing when any line is
/// short. Sent by other modules through the mediator; it joins the caller's unit of work, so the caller's
/// own writes and the reservation commit or roll back together.
/// </summary>
public sealed record ReserveStockCommand(string Reference, IReadOnlyList<StockLine> Lines, string Actor) : ICommand<ReservationResult>;

/// <summary>Releases what is still reserved for the reference (all of it when <paramref name="Lines"/> is null).</summary>
public sealed record ReleaseReservationCommand(string Reference, IReadOnlyList<StockLine>? Lines, string Actor) : ICommand<bool>;

/// <summary>
/// Shipment: turns reserved units of the reference into shipped units, lowering both reserved and on-hand
/// (a ledger movement of type Shipment). 409 when more is consumed than is reserved.
/// </summary>
public sealed record ConsumeReservationCommand(string Reference, IReadOnlyList<StockLine> Lines, string Actor) : ICommand<bool>;
