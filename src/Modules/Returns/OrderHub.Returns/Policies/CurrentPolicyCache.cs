using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Returns.Policies;

/// <summary>
/// The return policy in force, read once instead of for every step of every return (ADR 0013). Storing a new
/// version drops it when that transaction ends.
/// </summary>
internal sealed class CurrentPolicyCache(DatabaseOptions database) : CommittedStateCache<string, ReturnPolicy>(database.CacheCommittedState)
{
    public const string Key = "current";
}
