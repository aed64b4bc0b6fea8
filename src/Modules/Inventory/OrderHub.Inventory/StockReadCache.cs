using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory;

/// <summary>
/// The latest committed stock figures per SKU, so stock reads need no database round trip (ADR 0013).
/// <see cref="StockSession"/>, the one write path of stock, drops a SKU's entry when its transaction ends.
/// </summary>
internal sealed class StockReadCache(DatabaseOptions database, StockReadCacheOptions options)
    : CommittedStateCache<string, StockSnapshot>(database.CacheCommittedState, options.MaxEntries, StringComparer.Ordinal);
