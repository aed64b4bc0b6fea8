using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.Policies;

/// <summary>
/// The return policy in force, read once instead of for every step of every return (ADR 0013), and every
/// version an RMA was judged under. Storing a new version drops the policy in force when that transaction
/// ends; a numbered version never changes once written, so it never needs dropping.
/// </summary>
internal sealed class CurrentPolicyCache(DatabaseOptions database) : CommittedStateCache<string, ReturnPolicy>(database.CacheCommittedState)
{
    private const string Key = "current";

    /// <summary>The policy in force (<see cref="ReturnsDbContext.LoadCurrentPolicyAsync"/>), from the in-process copy when there is one.</summary>
    public Task<ReturnPolicy> GetAsync(ReturnsDbContext db, CancellationToken cancellationToken) =>
        GetOrLoadAsync(Key, db.LoadCurrentPolicyAsync, cancellationToken);

    /// <summary>The version numbered <paramref name="version"/>; 404 when there is none.</summary>
    public Task<ReturnPolicy> GetVersionAsync(ReturnsDbContext db, int version, CancellationToken cancellationToken) =>
        GetOrLoadAsync($"v{version}", async ct => await db.LoadPolicyVersionAsync(version, ct) ?? throw new NotFoundException("Return policy version", version), cancellationToken);

    public void DropWhenEnded(UnitOfWork unitOfWork) => InvalidateWhenEnded(unitOfWork, Key);
}
