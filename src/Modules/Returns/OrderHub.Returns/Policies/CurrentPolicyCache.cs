using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.Policies;

/// <summary>
/// The return policy in force, read once instead of for every step of every return (ADR 0013). Storing a new
/// version drops it when that transaction ends.
/// </summary>
internal sealed class CurrentPolicyCache(DatabaseOptions database) : CommittedStateCache<string, ReturnPolicy>(database.CacheCommittedState)
{
    private const string Key = "current";

    /// <summary>The policy in force (<see cref="ReturnsDbContext.LoadCurrentPolicyAsync"/>), from the in-process copy when there is one.</summary>
    public Task<ReturnPolicy> GetAsync(ReturnsDbContext db, CancellationToken cancellationToken) =>
        GetOrLoadAsync(Key, db.LoadCurrentPolicyAsync, cancellationToken);

    public void DropWhenEnded(UnitOfWork unitOfWork) => InvalidateWhenEnded(unitOfWork, Key);
}
