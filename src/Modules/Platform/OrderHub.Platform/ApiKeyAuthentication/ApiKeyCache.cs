using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Platform.ApiKeyAuthentication;

/// <summary>
/// Verified keys, as a copy of committed state (ADR 0013, 0017): a revocation drops the key on every node when it
/// commits. Unknown keys are not kept, so keys that do not exist cannot crowd out the ones that do.
/// </summary>
internal sealed class ApiKeyCache(DatabaseOptions database)
    : CommittedStateCache<string, KeyIdentity>(database.CacheCommittedState, MaxKeys, StringComparer.Ordinal)
{
    private const int MaxKeys = 100_000;

    public async Task<KeyIdentity?> GetOrLoadAsync(string hash, Func<Task<KeyIdentity?>> load)
    {
        if (TryGet(hash, out var cached, out var ticket))
        {
            return cached;
        }

        var identity = await load();
        if (identity is not null)
        {
            Fill(ticket, identity);
        }

        return identity;
    }
}
