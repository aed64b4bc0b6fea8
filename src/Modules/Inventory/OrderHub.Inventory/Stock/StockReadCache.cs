using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.Stock;

/// <summary>
/// The latest committed stock figures per SKU, so stock reads need no database round trip (ADR 0013).
/// <see cref="StockSession"/>, the one write path of stock, drops a SKU's entry when its transaction ends.
/// </summary>
internal sealed class StockReadCache(DatabaseOptions database, StockReadCacheOptions options)
    : CommittedStateCache<string, StockSnapshot>(database.CacheCommittedState, options.MaxEntries, StringComparer.Ordinal);

/// <summary><c>OrderHub:Inventory:StockReadCache</c>.</summary>
internal sealed class StockReadCacheOptions
{
    public const string Section = "OrderHub:Inventory:StockReadCache";

    /// <summary>SKUs kept at most; reads of further SKUs go to the database.</summary>
    public int MaxEntries { get; set; } = 200_000;
}
