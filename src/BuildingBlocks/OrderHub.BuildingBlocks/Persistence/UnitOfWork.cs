using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;
using NpgsqlTypes;
using OrderHub.BuildingBlocks.Cluster;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// The scope's single write transaction. Every module DbContext created in the scope enlists in it; the
/// outermost <see cref="ExecuteAsync{T}"/> passes the write gate, opens the transaction, saves every
/// context (state and outbox rows together), commits, and only then signals the outbox dispatcher.
/// Nested calls join the open transaction.
/// </summary>
public sealed class UnitOfWork(ScopedDbConnection connection, IWriteGate writeGate, IOutboxSignal outboxSignal, ClusterBus cluster)
{
    private readonly List<ModuleDbContext> _contexts = [];
    private readonly List<ICommitWrites> _commitWrites = [];
    private readonly List<string> _announcements = [];
    private long? _echo;
    private readonly List<Action> _afterCommit = [];
    private readonly List<Action> _afterEnd = [];
    private DbTransaction? _transaction;

    public bool InTransaction => _transaction is not null;

    /// <summary>Rows written by the saves of this scope so far (inserted, updated or deleted through a context).</summary>
    internal long RowsWritten { get; private set; }

    internal void CountWritten(int rows) => RowsWritten += rows;

    /// <summary>
    /// How much the unit of work has changed so far: the rows it wrote, and the entries of its contexts that hold
    /// changes not yet saved. It moves whenever code writes a row or adds, changes or removes an unchanged entity.
    /// </summary>
    /// <remarks>
    /// Only unchanged entries are scanned for changes: an added, modified or deleted entry counts already, whatever
    /// is done to it further. A whole-context scan per call would cost a run of messages (ADR 0034) a scan of
    /// everything it tracks per consumer, which a profile of order intake showed as 7 % of the app's CPU.
    /// </remarks>
    internal (long Written, int Pending) ChangeMark()
    {
        var pending = 0;
        foreach (var context in _contexts)
        {
            pending += PendingEntries(context.ChangeTracker);
        }

        foreach (var writes in _commitWrites)
        {
            pending += writes.Staged;
        }

        return (RowsWritten, pending);
    }

    private static int PendingEntries(ChangeTracker tracker)
    {
        using var pause = tracker.PauseAutoDetectChanges();
        var pending = 0;
        List<EntityEntry>? unchanged = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State == EntityState.Unchanged)
            {
                (unchanged ??= []).Add(entry);
            }
            else if (entry.State != EntityState.Detached)
            {
                pending++;
            }
        }

        if (unchanged is null)
        {
            return pending;
        }

        // A scan can also find entities newly reachable from the entry, so count again after it.
        foreach (var entry in unchanged)
        {
            entry.DetectChanges();
        }

        pending = 0;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Unchanged or EntityState.Detached))
            {
                pending++;
            }
        }

        return pending;
    }

    internal void ForgetSaved()
    {
        foreach (var context in _contexts)
        {
            context.ChangeTracker.Clear();
        }
    }

    internal void Enlist(ModuleDbContext context)
    {
        _contexts.Add(context);
        if (_transaction is not null)
        {
            context.Database.UseTransaction(_transaction);
        }
    }

    /// <summary>
    /// Has <paramref name="writes"/> write what it staged once, right before the open transaction commits, after every
    /// save (ADR 0033). A part run with <see cref="RunIsolatedAsync"/> that fails takes back what it staged.
    /// </summary>
    public void WriteAtCommit(ICommitWrites writes)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("WriteAtCommit needs an open unit of work.");
        }

        if (!_commitWrites.Contains(writes))
        {
            _commitWrites.Add(writes);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the open transaction has committed (at once when none is open), and
    /// never if it rolls back: for waking up workers that read what the transaction wrote.
    /// </summary>
    public void OnCommitted(Action action)
    {
        if (_transaction is null)
        {
            action();
            return;
        }

        _afterCommit.Add(action);
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the open transaction has ended, whether it committed, rolled back or
    /// failed to commit with an unknown outcome (at once when none is open): for dropping cached copies of what
    /// the transaction may have changed.
    /// </summary>
    public void OnEnded(Action action)
    {
        if (_transaction is null)
        {
            action();
            return;
        }

        _afterEnd.Add(action);
    }

    /// <summary>
    /// Tells the other nodes, when the open transaction commits and only then, that it changed something they may
    /// hold a copy of (ADR 0017). Does nothing where no other node can share the database.
    /// </summary>
    public void Announce(string topic, string body)
    {
        if (!cluster.Distributed)
        {
            return;
        }

        if (_transaction is null)
        {
            throw new InvalidOperationException("Announce needs an open unit of work: the announcement must commit with the change.");
        }

        var payload = cluster.Envelope(topic, body);
        if (System.Text.Encoding.UTF8.GetByteCount(payload) > ClusterBus.MaxPayloadBytes)
        {
            throw new ArgumentException($"An announcement of {topic} is too long for a notification.", nameof(body));
        }

        if (!_announcements.Contains(payload))
        {
            _announcements.Add(payload);
        }
    }

    /// <summary>Saves every enlisted context inside the open transaction without committing.</summary>
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        // A save can enlist further contexts (domain-event handlers of other modules), hence the loop. Each context
        // detects its changes once and saves only when there are some; asking HasChanges first would compare every
        // tracked entity with its snapshot twice whenever there are.
        for (var i = 0; i < _contexts.Count; i++)
        {
            await _contexts[i].SaveIfChangedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs part of the open transaction that may fail on its own: on failure the database and every context
    /// return to how they were before it (a savepoint), the failure is rethrown, and the rest of the
    /// transaction can still commit.
    /// </summary>
    public async Task RunIsolatedAsync(string savepoint, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("RunIsolatedAsync needs an open unit of work.");
        await transaction.SaveAsync(savepoint, cancellationToken);
        var afterCommitMark = _afterCommit.Count;
        var announcementsMark = _announcements.Count;
        var stagedMarks = _commitWrites.Select(w => (w, w.Staged)).ToList();
        try
        {
            await work(cancellationToken);
            await SaveChangesAsync(cancellationToken);
            await transaction.ReleaseAsync(savepoint, cancellationToken);
        }
        catch
        {
            await transaction.RollbackAsync(savepoint, CancellationToken.None);
            foreach (var context in _contexts)
            {
                context.ChangeTracker.Clear();
                context.ClearPendingOutbox();
            }

            _afterCommit.RemoveRange(afterCommitMark, _afterCommit.Count - afterCommitMark);
            _announcements.RemoveRange(announcementsMark, _announcements.Count - announcementsMark);
            foreach (var writes in _commitWrites)
            {
                writes.TakeBack(stagedMarks.FirstOrDefault(m => m.w == writes).Staged);
            }

            throw;
        }
    }

    public async Task ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        await ExecuteAsync<bool>(async ct =>
        {
            await work(ct);
            return true;
        }, cancellationToken);

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            return await work(cancellationToken);
        }

        T result;
        var committed = new List<(string Schema, Guid MessageId)>();
        var afterCommit = new List<Action>();
        var afterEnd = new List<Action>();
        _echo = null;
        try
        {
            result = await RunInTransactionAsync(work, committed, afterCommit, afterEnd, cancellationToken);
        }
        catch
        {
            if (_echo is { } unheard)
            {
                cluster.Forget(unheard);
            }

            throw;
        }
        finally
        {
            foreach (var action in afterEnd)
            {
                action();
            }
        }

        // In hand for the immediate delivery right after the commit, before the wait for the other nodes' copies.
        if (committed.Count > 0)
        {
            outboxSignal.Notify(committed);
        }

        if (_echo is { } echo)
        {
            await cluster.HeardBackAsync(echo);
        }

        foreach (var action in afterCommit)
        {
            action();
        }

        return result;
    }

    private async Task<T> RunInTransactionAsync<T>(
        Func<CancellationToken, Task<T>> work,
        List<(string Schema, Guid MessageId)> committed,
        List<Action> afterCommit,
        List<Action> afterEnd,
        CancellationToken cancellationToken)
    {
        T result;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await connection.EnsureOpenAsync(cancellationToken);
            _transaction = await connection.Connection.BeginTransactionAsync(cancellationToken);
            try
            {
                foreach (var context in _contexts)
                {
                    await context.Database.UseTransactionAsync(_transaction, cancellationToken);
                }

                result = await work(cancellationToken);
                await SaveAndCommitAsync(cancellationToken);
                foreach (var context in _contexts)
                {
                    committed.AddRange(context.PendingOutbox.Select(id => (context.SchemaName, id)));
                    context.ClearPendingOutbox();
                }

                afterCommit.AddRange(_afterCommit);
            }
            catch
            {
                await RollBackAsync();
                throw;
            }
            finally
            {
                afterEnd.AddRange(_afterEnd);
                _afterEnd.Clear();
                _afterCommit.Clear();
                _announcements.Clear();
                foreach (var writes in _commitWrites)
                {
                    writes.TakeBack(0);
                }

                _commitWrites.Clear();
                await ReleaseTransactionAsync();
            }
        }

        return result;
    }

    /// <summary>
    /// Saves every enlisted context and commits. On PostgreSQL the saves' rows, the announcements (as NOTIFY, which
    /// PostgreSQL delivers when it commits) and the COMMIT go in one round trip (ADR 0032): the writer's row locks, a
    /// SKU's say, are held one exchange with the app instead of three (keys the database generates are read from the same
    /// answer). Where nothing is announced and nothing left to write, a plain commit does.
    /// </summary>
    private async Task SaveAndCommitAsync(CancellationToken cancellationToken)
    {
        var pending = new List<DirectRowWriter.PreparedSave>();
        for (var i = 0; i < _contexts.Count; i++)
        {
            var (_, save) = await _contexts[i].PrepareSaveAsync(true, onlyIfChanged: true, cancellationToken);
            if (save is null)
            {
                continue;
            }

            if (save.Rows.Count > 0)
            {
                pending.Add(save);
                continue;
            }

            _contexts[i].Saved(save, true);
        }

        // After the saves, whose domain events could still stage writes; before the rows that go with the COMMIT.
        foreach (var writes in _commitWrites)
        {
            await writes.WriteAsync(cancellationToken);
        }

        var announced = Announcements();
        if (pending.Count > 0)
        {
            await DirectRowWriter.ExecuteAsync(pending[0].Context, pending, [.. announced, new NpgsqlBatchCommand("COMMIT")], cancellationToken);
            foreach (var save in pending)
            {
                ((ModuleDbContext)save.Context).Saved(save, true);
            }
        }
        else if (announced.Count > 0)
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)connection.Connection, (NpgsqlTransaction)_transaction!);
            batch.BatchCommands.Add(announced[0]);
            // The transaction ends on the server; Npgsql sees it idle afterwards, so disposing it rolls nothing back, and a
            // failed COMMIT surfaces here like a failed CommitAsync.
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            await _transaction!.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The announcements, with this commit's echo, as one NOTIFY statement; none when there is nothing to announce.</summary>
    private List<NpgsqlBatchCommand> Announcements()
    {
        if (_announcements.Count == 0)
        {
            return [];
        }

        var (echo, echoPayload) = cluster.NextEcho();
        _echo = echo;
        _announcements.Add(echoPayload);
        var notify = new NpgsqlBatchCommand($"SELECT pg_notify('{ClusterBus.Channel}', payload) FROM unnest($1) AS payload");
        notify.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = _announcements.ToArray() });
        return [notify];
    }

    private async Task RollBackAsync()
    {
        try
        {
            await _transaction!.RollbackAsync(CancellationToken.None);
        }
        catch (DbException)
        {
            // The connection may already be broken; the database discards the transaction anyway.
        }
        catch (InvalidOperationException)
        {
            // The transaction already completed (a failed commit).
        }

        foreach (var context in _contexts)
        {
            // Nothing of a failed unit of work may be saved later by accident.
            context.ChangeTracker.Clear();
            context.ClearPendingOutbox();
        }
    }

    private async Task ReleaseTransactionAsync()
    {
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(null, CancellationToken.None);
        }

        await _transaction!.DisposeAsync();
        _transaction = null;
    }
}

/// <summary>Tells the dispatcher which outbox messages just committed, for delivery right away.</summary>
public interface IOutboxSignal
{
    void Notify(IReadOnlyCollection<(string Schema, Guid MessageId)> messages);

    /// <summary>
    /// Whether this node's immediate delivery has the message in hand (queued, or being delivered): the retry job
    /// leaves it alone, so that it cannot overtake the module's earlier messages.
    /// </summary>
    bool Holds(Guid messageId);
}

/// <summary>
/// Writes a module gathers during a unit of work and sends once, right before its COMMIT (ADR 0033): additions to
/// shared counters, say, which then lock their rows once, in one order, for the transaction's last two exchanges
/// only, however many parts of it added to them.
/// </summary>
public interface ICommitWrites
{
    /// <summary>How many stagings are waiting: a mark to take back to, and part of <see cref="UnitOfWork"/>'s change mark.</summary>
    int Staged { get; }

    /// <summary>Forgets the stagings after the first <paramref name="mark"/> (all of them with 0): their part failed, or the unit of work ended.</summary>
    void TakeBack(int mark);

    /// <summary>Writes every staging in the open transaction and forgets them.</summary>
    Task WriteAsync(CancellationToken cancellationToken);
}
