using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.CustomerLinks;

/// <summary>
/// The HMAC key of customer links: <c>OrderHub:Security:LinkSigningKey</c> when configured, otherwise one key
/// generated once and stored in the database. Several nodes share one database, so a key of this process alone
/// would make a link minted on one node fail on another, and every link fail after a restart.
/// </summary>
internal sealed class LinkSigningKey(IServiceScopeFactory scopes, TimeProvider clock, string? configured) : IDisposable
{
    public const string ConfigurationKey = "OrderHub:Security:LinkSigningKey";
    public const int MinConfiguredLength = 32;
    private const string StoredName = "customer-links";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key = string.IsNullOrWhiteSpace(configured) ? null : Validated(configured);

    public async ValueTask<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _key) is { } key)
        {
            return key;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            return _key ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private static byte[] Validated(string configured) =>
        configured.Length >= MinConfiguredLength
            ? Encoding.UTF8.GetBytes(configured)
            : throw new InvalidOperationException($"{ConfigurationKey} must be at least {MinConfiguredLength} characters long; leave it empty to have one generated and kept in the database.");

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
                var stored = await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Name == StoredName, cancellationToken);
                if (stored is not null)
                {
                    return Convert.FromBase64String(stored.Secret);
                }
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
                var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
                var generated = SigningKey.Generate(StoredName, clock.GetUtcNow().UtcDateTime);
                try
                {
                    await unitOfWork.ExecuteAsync(_ =>
                    {
                        db.SigningKeys.Add(generated);
                        return Task.CompletedTask;
                    }, cancellationToken);
                    return Convert.FromBase64String(generated.Secret);
                }
                catch (Exception exception) when (attempt < 3 && DbErrors.IsUniqueViolation(exception))
                {
                    // Another node stored its key first; everyone uses that one.
                }
            }
        }
    }
}
