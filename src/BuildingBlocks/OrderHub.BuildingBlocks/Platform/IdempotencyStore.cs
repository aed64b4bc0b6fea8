using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Platform;

public enum IdempotencyOutcome
{
    /// <summary>This request owns the key and must run.</summary>
    Started,

    /// <summary>The key has a recorded answer for the same request.</summary>
    Replay,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,

    /// <summary>Another request with the same key is still running.</summary>
    InProgress,
}

/// <summary>Records idempotency keys in their own short transactions, apart from the request's unit of work.</summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopeFactory, TimeProvider clock)
{
    /// <summary>How long an answer is kept for replays.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A request still marked in progress after this long is taken to have died with its process.</summary>
    public static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(2);

    public async Task<(IdempotencyOutcome Outcome, IdempotencyRecord? Record)> BeginAsync(string scope, string key, string requestHash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                await WithContextAsync(async (context, ct) =>
                {
                    context.IdempotencyRecords.Add(IdempotencyRecord.Start(scope, key, requestHash, now, Retention));
                    await context.SaveChangesAsync(ct);
                }, cancellationToken);
                return (IdempotencyOutcome.Started, null);
            }
            catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
            {
                var existing = await FindAsync(scope, key, cancellationToken);
                if (existing is null)
                {
                    continue;
                }

                var stale = existing.ExpiresAt < now
                    || (existing.Status == IdempotencyStatus.InProgress && existing.CreatedAt < now - AbandonAfter);
                if (stale)
                {
                    await DeleteAsync(scope, key, existing.CreatedAt, cancellationToken);
                    continue;
                }

                if (existing.RequestHash != requestHash)
                {
                    return (IdempotencyOutcome.Mismatch, existing);
                }

                return existing.Status == IdempotencyStatus.Completed
                    ? (IdempotencyOutcome.Replay, existing)
                    : (IdempotencyOutcome.InProgress, existing);
            }
        }

        return (IdempotencyOutcome.InProgress, null);
    }

    public async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var serviceScope = scopeFactory.CreateAsyncScope();
        var context = serviceScope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await context.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
    }

    public Task CompleteAsync(string scope, string key, int status, string body, string? location, CancellationToken cancellationToken) =>
        WithContextAsync((context, ct) => context.IdempotencyRecords
            .Where(r => r.Scope == scope && r.Key == key)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, IdempotencyStatus.Completed)
                .SetProperty(r => r.ResponseStatus, status)
                .SetProperty(r => r.ResponseBody, body)
                .SetProperty(r => r.ResponseLocation, location), ct), cancellationToken);

    /// <summary>Forgets a key whose request failed unexpectedly, so the client can retry with it.</summary>
    public Task AbandonAsync(string scope, string key, CancellationToken cancellationToken) =>
        WithContextAsync((context, ct) => context.IdempotencyRecords
            .Where(r => r.Scope == scope && r.Key == key && r.Status == IdempotencyStatus.InProgress)
            .ExecuteDeleteAsync(ct), cancellationToken);

    private Task DeleteAsync(string scope, string key, DateTime createdAt, CancellationToken cancellationToken) =>
        WithContextAsync((context, ct) => context.IdempotencyRecords
            .Where(r => r.Scope == scope && r.Key == key && r.CreatedAt == createdAt)
            .ExecuteDeleteAsync(ct), cancellationToken);

    private async Task WithContextAsync(Func<PlatformDbContext, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await using var serviceScope = scopeFactory.CreateAsyncScope();
        var context = serviceScope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var unitOfWork = serviceScope.ServiceProvider.GetRequiredService<UnitOfWork>();
        await unitOfWork.ExecuteAsync(ct => work(context, ct), cancellationToken);
    }
}
