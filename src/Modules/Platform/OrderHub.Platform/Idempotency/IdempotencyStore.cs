using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Platform.Domain;
using OrderHub.Platform.Persistence;

namespace OrderHub.Platform.Idempotency;

/// <summary>
/// Idempotency records, written inside the request's own transaction (ADR 0015). The claim inserts the key's
/// row as the transaction's first write; the answer is written into that row just before the same transaction
/// commits. So a key is answered exactly when the change it made is committed: a crash, a lost connection or a
/// failed commit leaves neither behind, and a retry runs the request again; a committed change always has its
/// answer, and a retry replays it. A concurrent duplicate's insert waits on the first request's uncommitted
/// row (PostgreSQL's unique index; SQLite's single writer) and then finds the answer.
/// </summary>
internal sealed class IdempotencyStore(TimeProvider clock)
{
    /// <summary>How long an answer is kept for replays.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private static readonly ConcurrentDictionary<(IEntityType Entity, bool SqlServer), string> ClaimStatements = new();

    /// <summary>
    /// Claims <paramref name="key"/> inside the open transaction of <paramref name="context"/>: <see cref="IdempotencyOutcome.Started"/>
    /// with the inserted row, tracked, when this request must run; otherwise what to answer instead. Waits for a concurrent request with the same key
    /// until it ends or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task<(IdempotencyOutcome Outcome, IdempotencyRecord? Record)> ClaimAsync(
        PlatformDbContext context, string scope, string key, string requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            var started = IdempotencyRecord.Start(scope, key, requestHash, now, Retention);
            if (await InsertAsync(context, started, cancellationToken) == 1)
            {
                // Tracked as inserted, so the answer is written with the request's own changes at its commit.
                context.IdempotencyRecords.Attach(started);
                return (IdempotencyOutcome.Started, started);
            }

            var existing = await context.IdempotencyRecords.AsNoTracking()
                .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);

            // Committed rows always carry an answer; one without (left by an older version of OrderHub) or past
            // its retention no longer holds the key.
            if (existing is not null && (existing.ExpiresAt < now || existing.Status != IdempotencyStatus.Completed))
            {
                await context.IdempotencyRecords
                    .Where(r => r.Scope == scope && r.Key == key && r.CreatedAt == existing.CreatedAt)
                    .ExecuteDeleteAsync(cancellationToken);
                existing = null;
            }

            if (existing is null)
            {
                if (attempt < 3)
                {
                    continue;
                }

                return (IdempotencyOutcome.InProgress, null);
            }

            return existing.RequestHash == requestHash
                ? (IdempotencyOutcome.Replay, existing)
                : (IdempotencyOutcome.Mismatch, existing);
        }
    }

    /// <summary>
    /// Writes the answer into the row <see cref="ClaimAsync"/> inserted, in the same open transaction: the tracked row
    /// changes, and the unit of work writes it with the request's own changes at its commit, no round trip of its own
    /// while the request's row locks are held. Should the row no longer be tracked, it is updated here at once.
    /// </summary>
    public async Task CompleteAsync(
        PlatformDbContext context, IdempotencyRecord claimed, int status, string body, string? location, string? etag, CancellationToken cancellationToken)
    {
        if (context.TrackingStateOf(claimed) != EntityState.Detached)
        {
            claimed.Complete(status, body, location, etag);
            return;
        }

        var updated = await context.IdempotencyRecords
            .Where(r => r.Scope == claimed.Scope && r.Key == claimed.Key && r.Status == IdempotencyStatus.InProgress)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, IdempotencyStatus.Completed)
                .SetProperty(r => r.ResponseStatus, status)
                .SetProperty(r => r.ResponseBody, body)
                .SetProperty(r => r.ResponseLocation, location)
                .SetProperty(r => r.ResponseETag, etag), cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"The idempotency key was not claimed in this transaction ({updated} rows).");
        }
    }

    /// <summary>
    /// Records the answer of a request that was refused (4xx) and changed nothing, in a transaction of its own
    /// after the request's rolled back. A request with the same key that ran meanwhile keeps its own answer.
    /// </summary>
    public async Task RecordRefusalAsync(PlatformDbContext context, string scope, string key, string requestHash, int status, string body, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await InsertAsync(context, IdempotencyRecord.Refused(scope, key, requestHash, status, body, now, Retention), cancellationToken);
    }

    /// <summary>Inserts the row unless the key already has one: 1 when inserted, 0 when the key was taken.</summary>
    private static Task<int> InsertAsync(PlatformDbContext context, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        var entity = context.Model.FindEntityType(typeof(IdempotencyRecord))!;
        var sqlServer = context.Database.IsSqlServer();
        var sql = ClaimStatements.GetOrAdd((entity, sqlServer), static key => InsertSql(key.Entity, key.SqlServer));
        object?[] parameters =
        [
            record.Scope, record.Key, record.RequestHash, record.Status.ToString(), record.ResponseStatus, record.ResponseBody,
            record.CreatedAt, record.ExpiresAt,
        ];
        return context.Database.ExecuteSqlRawAsync(sql, parameters!, cancellationToken);
    }

    /// <summary>
    /// <c>INSERT … ON CONFLICT DO NOTHING</c> (SQLite, PostgreSQL), on SQL Server a <c>MERGE … WITH (HOLDLOCK)</c> that
    /// inserts only when no row has the key (the range lock keeps a concurrent insert of the same key out until the
    /// transaction ends): a unique violation would be logged by EF as an error and, on PostgreSQL, abort the
    /// transaction; a conflict is the expected answer for a duplicate.
    /// </summary>
    internal static string InsertSql(IEntityType entity, bool sqlServer)
    {
        var properties = new[]
        {
            nameof(IdempotencyRecord.Scope), nameof(IdempotencyRecord.Key), nameof(IdempotencyRecord.RequestHash),
            nameof(IdempotencyRecord.Status), nameof(IdempotencyRecord.ResponseStatus), nameof(IdempotencyRecord.ResponseBody),
            nameof(IdempotencyRecord.CreatedAt), nameof(IdempotencyRecord.ExpiresAt),
        };
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Name(string property) => entity.FindProperty(property)!.GetColumnName(store)!;
        if (sqlServer)
        {
            var names = properties.Select(p => $"[{Name(p)}]").ToList();
            return $"MERGE INTO [{entity.GetSchema()}].[{entity.GetTableName()}] WITH (HOLDLOCK) AS target "
                + $"USING (VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}}, {{7}})) AS source ({string.Join(", ", names)}) "
                + $"ON target.[{Name(nameof(IdempotencyRecord.Scope))}] = source.[{Name(nameof(IdempotencyRecord.Scope))}] "
                + $"AND target.[{Name(nameof(IdempotencyRecord.Key))}] = source.[{Name(nameof(IdempotencyRecord.Key))}] "
                + $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "source." + n))});";
        }

        var table = entity.QuotedTable();
        string Column(string property) => $"\"{Name(property)}\"";
        var columns = string.Join(", ", properties.Select(Column));
        return $"INSERT INTO {table} ({columns}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}}, {{7}}) "
            + $"ON CONFLICT ({Column(nameof(IdempotencyRecord.Scope))}, {Column(nameof(IdempotencyRecord.Key))}) DO NOTHING";
    }
}
