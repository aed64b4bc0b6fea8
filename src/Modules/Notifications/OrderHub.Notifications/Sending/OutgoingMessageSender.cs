using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.Sending;

/// <summary>
/// Finds due messages and sends them one at a time. Each message is claimed with a conditional update that sets
/// a lease, so two senders (the nudge and the poll, or two nodes) never send it at the same time; the attempt is
/// recorded afterwards. A crash between sending and recording leaves the lease to expire, and the message is sent
/// once more with the same Message-ID / X-OrderHub-Delivery for the receiver to drop.
/// </summary>
internal sealed class OutgoingMessageSender(
    IServiceScopeFactory scopeFactory,
    NotificationOptions options,
    TimeProvider clock,
    ILogger<OutgoingMessageSender> logger)
{
    /// <summary>
    /// The ids of up to one batch of due messages, the longest due first; none while the channel lacks configuration.
    /// <paramref name="narrow"/> restricts the search, e.g. to one webhook subscription.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> DueAsync<T>(Func<IQueryable<T>, IQueryable<T>>? narrow, CancellationToken cancellationToken)
        where T : OutgoingMessage
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<IOutgoingChannel<T>>().Enabled)
        {
            return [];
        }

        var due = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Set<T>().AsNoTracking()
            .Where(OutgoingMessage.DueAt<T>(clock.GetUtcNow().UtcDateTime));
        return await (narrow is null ? due : narrow(due))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Claims, sends and records one message; false when another sender holds it or it is no longer due.</summary>
    public async Task<bool> TrySendAsync<T>(Guid id, CancellationToken cancellationToken)
        where T : OutgoingMessage
    {
        try
        {
            return await SendAsync<T>(id, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The lease runs out and a later round tries again.
            logger.LogWarning(exception, "Sending {Kind} {MessageId} failed before its attempt was recorded", typeof(T).Name, id);
            return false;
        }
    }

    private async Task<bool> SendAsync<T>(Guid id, CancellationToken cancellationToken)
        where T : OutgoingMessage
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseEnd = now + options.Lease;
        var claimed = await unitOfWork.ExecuteAsync(ct => db.Database.IsSqlServer()
            ? ClaimOnSqlServerAsync<T>(db, id, now, leaseEnd, ct)
            : db.Set<T>()
                .Where(m => m.Id == id)
                .Where(OutgoingMessage.DueAt<T>(now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), ct), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var message = await db.Set<T>().SingleAsync(m => m.Id == id, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IOutgoingChannel<T>>().SendAsync(message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// On SQL Server the claim skips a row another sender's transaction holds (<c>READPAST</c>) instead of
    /// waiting for it, and says what it claimed (<c>OUTPUT</c>): a held message is simply not claimed this round.
    /// </summary>
    private static async Task<int> ClaimOnSqlServerAsync<T>(NotificationsDbContext db, Guid id, DateTime now, DateTime leaseEnd, CancellationToken cancellationToken)
        where T : OutgoingMessage
    {
        var sql = ClaimSqlServerSql(db.Model.FindEntityType(typeof(T))!);
        var claimed = await db.Database.SqlQueryRaw<Guid>(sql, id, nameof(DeliveryStatus.Pending), now, leaseEnd).ToListAsync(cancellationToken);
        return claimed.Count;
    }

    /// <summary>The lease claim of one message on SQL Server: {0} the id, {1} pending, {2} now, {3} the lease's end.</summary>
    internal static string ClaimSqlServerSql(IEntityType entity)
    {
        string Column(string property) => $"[{entity.FindProperty(property)!.GetColumnName()}]";
        string lockedUntil = Column(nameof(OutgoingMessage.LockedUntil)), id = Column(nameof(OutgoingMessage.Id));
        return $"UPDATE [{entity.GetSchema()}].[{entity.GetTableName()}] WITH (ROWLOCK, READPAST) SET {lockedUntil} = {{3}} "
            + $"OUTPUT inserted.{id} AS [Value] "
            + $"WHERE {id} = {{0}} AND {Column(nameof(OutgoingMessage.Status))} = {{1}} AND {Column(nameof(OutgoingMessage.NextAttemptAt))} <= {{2}} "
            + $"AND ({lockedUntil} IS NULL OR {lockedUntil} < {{2}})";
    }
}
