using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Platform.Persistence;

namespace OrderHub.Platform.ApiKeyAuthentication;

/// <summary>
/// The one rule for which key hashes are valid: the bootstrap admin key, or a stored key that is not revoked (read
/// through the committed-state cache). The header scheme and the sign-in queries both ask it.
/// </summary>
internal sealed class ApiKeyVerifier(BootstrapAdminKey bootstrapKey, ApiKeyCache cache, IServiceProvider services)
{
    public async Task<KeyIdentity?> VerifyHashAsync(string hash, CancellationToken cancellationToken) =>
        bootstrapKey.Matches(hash)
            ? new KeyIdentity(Guid.Empty, BootstrapAdminKey.KeyName, Roles.Admin, null)
            : await cache.GetOrLoadAsync(hash, () => LoadAsync(hash, cancellationToken));

    private async Task<KeyIdentity?> LoadAsync(string hash, CancellationToken cancellationToken) =>
        // Resolved only on a cache miss: most requests never need a DbContext to authenticate.
        await services.GetRequiredService<PlatformDbContext>().ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new KeyIdentity(k.Id, k.Name, k.Role, k.Storefront))
            .SingleOrDefaultAsync(cancellationToken);
}
