using OrderHub.BuildingBlocks.Application;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.Contracts;

/// <summary>Units of a SKU placed in a location.</summary>
public sealed record StockPlacement(string Sku, int Quantity, string LocationCode, LocationType LocationType);

/// <summary>
/// An approved return (<paramref name="Reference"/>, e.g. the RMA number) will bring these units back: they
/// count in <c>inboundReturns</c> until received or cancelled. Repeated calls add up.
/// </summary>
public sealed record ExpectInboundReturnCommand(string Reference, IReadOnlyList<StockLine> Lines, string Actor) : ICommand<bool>;

/// <summary>The return will not arrive: whatever is still expected for the reference leaves <c>inboundReturns</c>.</summary>
public sealed record CancelInboundReturnCommand(string Reference, string Actor) : ICommand<bool>;

/// <summary>
/// The dock received the return: units leave <c>inboundReturns</c> (up to what was expected) and land as
/// non-sellable stock in the warehouse's Returns location (putaway purpose ReceivedReturn).
/// </summary>
public sealed record ReceiveReturnStockCommand(string Reference, string WarehouseCode, IReadOnlyList<StockLine> Lines, string Actor)
    : ICommand<IReadOnlyList<StockPlacement>>;

/// <summary>
/// After inspection: moves units from the warehouse's Returns location to where the putaway rules send them
/// for <paramref name="Purpose"/> (Restock, Refurbish, Dispose or ReturnToVendor). Restocked units are
/// available as soon as the caller's transaction commits. 409 when the Returns location holds fewer units.
/// </summary>
public sealed record PutAwayReturnCommand(string Reference, string WarehouseCode, string Sku, int Quantity, PutawayPurpose Purpose, string Actor)
    : ICommand<StockPlacement>;
