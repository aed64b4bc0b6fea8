using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.Contracts;

/// <summary>
/// The stock figures of one SKU (the body of <c>GET /api/v1/inventory/{sku}</c>). <c>available</c> is
/// sellable on-hand (Pick and Bulk) minus reserved; <c>nonSellable</c> is on-hand in every other location
/// type; <c>inboundReturns</c> counts units on approved returns not yet received; <c>expectedFromReturns</c> is how
/// many of those are likely to be sellable again: inboundReturns times the SKU's restock rate (units restocked per
/// returned unit inspected, 1 without history), rounded down.
/// </summary>
public sealed record StockSnapshot(
    string Sku,
    int OnHand,
    int Reserved,
    int Available,
    int InboundReturns,
    int ExpectedFromReturns,
    int NonSellable,
    IReadOnlyList<LocationStock> Locations);

/// <summary>Stock of a SKU in one location; <c>available</c> is 0 in non-sellable locations.</summary>
public sealed record LocationStock(string LocationCode, LocationType Type, int OnHand, int Reserved, int Available);
