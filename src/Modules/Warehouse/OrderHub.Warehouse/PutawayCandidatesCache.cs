using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Domain;

namespace OrderHub.Warehouse;

/// <summary>
/// Per warehouse code, its locations as putaway candidates, read once instead of for every receipt and
/// inspection (ADR 0013). Adding a location drops its warehouse's entry when that transaction ends; an unknown
/// warehouse is never cached.
/// </summary>
internal sealed class PutawayCandidatesCache(DatabaseOptions database)
    : CommittedStateCache<string, IReadOnlyList<PutawayCandidate>>(database.CacheCommittedState, comparer: StringComparer.Ordinal);
