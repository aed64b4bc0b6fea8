using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Analytics.Contracts;

/// <summary>What was sold and what came back in a window of days.</summary>
/// <param name="From">First day of the window (UTC).</param>
/// <param name="To">Last day of the window, included.</param>
/// <param name="Storefront">The storefront looked at; null for all.</param>
/// <param name="OrdersDelivered">Orders delivered in the window.</param>
/// <param name="UnitsSold">Units of those orders.</param>
/// <param name="UnitsReturned">Units on returns requested in the window and not rejected, cancelled or expired (kept units included).</param>
/// <param name="ReturnRate">UnitsReturned / UnitsSold, rounded to 4 places; null when nothing was sold.</param>
/// <param name="RefundTotal">Money refunded on those returns once they completed.</param>
/// <param name="StoreCreditTotal">Store credit issued on those returns once they completed.</param>
/// <param name="ExchangeCount">Those returns resolved by an exchange.</param>
/// <param name="KeepItCount">Those returns with at least one line the customer keeps.</param>
/// <param name="ByResolution">Those returns per resolution: Refund, StoreCredit, Exchange.</param>
/// <param name="ByDisposition">Inspected units per disposition: Restock, Refurbish, Dispose, ReturnToVendor.</param>
public sealed record ReturnsSummaryDto(
    DateOnly From,
    DateOnly To,
    string? Storefront,
    int OrdersDelivered,
    int UnitsSold,
    int UnitsReturned,
    decimal? ReturnRate,
    [property: Money] decimal RefundTotal,
    [property: Money] decimal StoreCreditTotal,
    int ExchangeCount,
    int KeepItCount,
    IReadOnlyDictionary<string, int> ByResolution,
    IReadOnlyDictionary<string, int> ByDisposition);
