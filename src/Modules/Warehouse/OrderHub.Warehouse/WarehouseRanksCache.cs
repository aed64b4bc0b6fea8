using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse;

/// <summary>
/// Every warehouse's rank under one key, read by each order placement (ADR 0026). Creating a warehouse or changing a
/// priority drops it when that transaction ends, and tells the other nodes (ADR 0017).
/// </summary>
internal sealed class WarehouseRanksCache(DatabaseOptions database)
    : CommittedStateCache<string, IReadOnlyList<WarehouseRank>>(database.CacheCommittedState, comparer: StringComparer.Ordinal)
{
    public const string Key = "all";
}
