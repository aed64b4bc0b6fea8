using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Warehouse.Contracts;

/// <summary>What allocation needs to know of a warehouse: its priority (lower preferred) and its country.</summary>
public sealed record WarehouseRank(string Code, int Priority, string Country)
{
    /// <summary>What a warehouse gets until someone ranks it; leaves room on both sides.</summary>
    public const int DefaultPriority = 100;
}

/// <summary>Every warehouse's rank; served from a copy of committed state, so it costs no query when warm.</summary>
public sealed record GetWarehouseRanksQuery : IQuery<IReadOnlyList<WarehouseRank>>;
