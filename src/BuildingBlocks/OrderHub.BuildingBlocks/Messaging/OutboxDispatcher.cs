using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Delivers committed outbox messages to their in-process consumers. A message is claimed with a
/// conditional update inside the delivery transaction, so the post-commit path and the retry jobs of every
/// node never deliver it at the same time, and a node that dies mid-batch leaves its claims to roll back;
/// each consumer that changed something records the message id in its own inbox in the same transaction as
/// its effects, so a redelivery (another consumer of the message failed) skips it. A consumer
/// that changed nothing records nothing: running it again is harmless. Failures back off exponentially, then
/// dead-letter.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopeFactory,
    ModuleCatalog catalog,
    IntegrationEventSerializer serializer,
    IntegrationEventHandlerRegistry handlers,
    OutboxOptions options,
    IOutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>
    /// Delivers every due message of every module that the immediate delivery has not got (ADR 0004): retries, and
    /// messages never attempted once <see cref="OutboxOptions.ImmediateDeliveryGrace"/> has passed and this node's
    /// immediate delivery does not hold them. Taking a message the immediate delivery is about to take would deliver
    /// it beside that module's earlier messages, and could commit it before them. Returns how many were attempted.
    /// </summary>
    public Task<int> ProcessDueAsync(CancellationToken cancellationToken) => ProcessDueAsync(leaveToImmediateDelivery: true, cancellationToken);

    /// <summary>
    /// Delivers every due message of every module now, the newest too, in commit order: for a host whose immediate
    /// delivery has not started yet (the demo seed). Returns how many were attempted.
    /// </summary>
    public Task<int> DeliverEverythingDueAsync(CancellationToken cancellationToken) => ProcessDueAsync(leaveToImmediateDelivery: false, cancellationToken);

    private async Task<int> ProcessDueAsync(bool leaveToImmediateDelivery, CancellationToken cancellationToken)
    {
        var attempted = 0;
        foreach (var module in catalog.Modules)
        {
            List<Guid> due;
            await using (var scope = scopeFactory.CreateAsyncScope())
            {
                var context = Context(scope, module);
                var now = clock.GetUtcNow().UtcDateTime;
                var pending = context.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxMessageStatus.Pending && m.NextAttemptAt <= now);
                if (leaveToImmediateDelivery)
                {
                    var handedOver = now - options.ImmediateDeliveryGrace;
                    pending = pending.Where(m => m.Attempts > 0 || m.NextAttemptAt <= handedOver);
                }

                due = await pending.OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(options.BatchSize).ToListAsync(cancellationToken);
                if (leaveToImmediateDelivery)
                {
                    due.RemoveAll(signal.Holds);
                }
            }

            if (due.Count > 0)
            {
                await DeliverAsync(module.Schema, due, cancellationToken);
                attempted += due.Count;
            }
        }

        return attempted;
    }

    /// <summary>Delivers one message if it is due (see <see cref="DeliverAsync(string, IReadOnlyList{Guid}, CancellationToken)"/>).</summary>
    public Task DeliverAsync(string schema, Guid messageId, CancellationToken cancellationToken) =>
        DeliverAsync(schema, [messageId], cancellationToken);

    /// <summary>
    /// Delivers the messages of one module that are due, in their given order and in a single transaction:
    /// they are claimed and marked processed by one conditional update (its row locks hold until commit, so a
    /// concurrent dispatcher finds nothing to do), then each message's consumers run and record it in their
    /// inboxes behind a savepoint of its own. If a consumer fails, only that message's part rolls back and the
    /// same transaction records its failed attempt with its backoff, or dead-letters it after the last attempt:
    /// every attempt is counted exactly once, and one failing message never holds back the others. A batch is
    /// first tried without savepoints; only when something in it fails is it run again with them.
    /// </summary>
    public async Task DeliverAsync(string schema, IReadOnlyList<Guid> messageIds, CancellationToken cancellationToken)
    {
        var module = catalog.Modules.First(m => m.Schema == schema);
        try
        {
            await DeliverInOneTransactionAsync(module, messageIds, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing was recorded (the database was busy or unreachable): the retry job tries again later.
            logger.LogWarning(exception, "Delivery of {Count} outbox message(s) of {Schema} could not run", messageIds.Count, schema);
        }
    }

    private async Task DeliverInOneTransactionAsync(ModuleDescriptor module, IReadOnlyList<Guid> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count > 1)
        {
            // The common case, every consumer succeeding, needs no savepoints: a batch then costs one flush per
            // message instead of three round trips. If anything fails, the whole transaction rolls back (claims
            // included, so no attempt is counted) and the batch is delivered again with a savepoint per message.
            try
            {
                await DeliverAsync(module, messageIds, isolated: false, cancellationToken);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug(exception, "A batch of {Count} outbox message(s) of {Schema} failed; delivering them one savepoint at a time", messageIds.Count, module.Schema);
            }
        }

        await DeliverAsync(module, messageIds, isolated: true, cancellationToken);
    }

    private async Task DeliverAsync(ModuleDescriptor module, IReadOnlyList<Guid> messageIds, bool isolated, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var outbox = Context(scope, module);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await ClaimAsync(outbox, messageIds, now, ct);
            if (claimed.Count == 0)
            {
                return;
            }

            var order = messageIds.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
            var messages = claimed.OrderBy(m => order[m.Id]).Select(m => (Row: m, Event: TryDeserialize(m))).ToList();
            // Only a message attempted before can have consumers that handled it: the claim counts the attempt in
            // the transaction that records its consumers, so a first attempt finds every inbox without it.
            var redelivered = messages.Where(m => m.Event is not null && m.Row.Attempts > 1).Select(m => m.Event!).ToList();
            var handled = redelivered.Count == 0 ? new HashSet<(Guid MessageId, string Consumer)>() : await HandledAsync(scope, redelivered, ct);
            if (!isolated)
            {
                // Saved after each run (ADR 0034): a later message's consumers may read what an earlier one wrote,
                // unless every consumer of the run sees unsaved changes. What is saved is then forgotten, so each save
                // only looks at its own run's changes. The last run's rows go with the commit.
                for (var start = 0; start < messages.Count;)
                {
                    var end = RunEnd(messages, start);
                    await PrepareRunAsync(scope, messages.Skip(start).Take(end - start).Where(m => m.Event is not null).Select(m => m.Event!), handled, ct);
                    for (var i = start; i < end; i++)
                    {
                        await HandleAsync(scope, unitOfWork, messages[i].Row, messages[i].Event, handled, now, ct);
                    }

                    if (end < messages.Count)
                    {
                        await unitOfWork.SaveChangesAsync(ct);
                        unitOfWork.ForgetSaved();
                    }

                    start = end;
                }

                return;
            }

            foreach (var (message, integrationEvent) in messages)
            {
                try
                {
                    await unitOfWork.RunIsolatedAsync("consumers", async c =>
                    {
                        if (integrationEvent is not null)
                        {
                            await PrepareRunAsync(scope, [integrationEvent], handled, c);
                        }

                        await HandleAsync(scope, unitOfWork, message, integrationEvent, handled, now, c);
                    }, ct);
                    unitOfWork.ForgetSaved();
                }
                catch (Exception exception) when (!ct.IsCancellationRequested)
                {
                    if (await RecordFailureAsync(outbox, message, exception, now, ct))
                    {
                        var retry = (module.Schema, message.Id);
                        unitOfWork.OnCommitted(() => signal.Notify([retry]));
                    }
                }
            }
        }, cancellationToken);
    }

    /// <summary>The most messages handled before one save (ADR 0034): change detection scans what a run tracks.</summary>
    internal const int MaxRun = 16;

    /// <summary>
    /// Where the run that begins at <paramref name="start"/> ends (exclusive): it takes the following messages as long
    /// as every consumer of each is an <see cref="IRunConsumer{TEvent}"/>, up to <see cref="MaxRun"/>; any other
    /// message is a run of one.
    /// </summary>
    private int RunEnd(List<(ClaimedMessage Row, IIntegrationEvent? Event)> messages, int start)
    {
        var end = start;
        while (end < messages.Count && end - start < MaxRun && messages[end].Event is { } e
               && RunConsumersOf(e.GetType()).Length == handlers.HandlersFor(e.GetType()).Count)
        {
            end++;
        }

        return Math.Max(end, start + 1);
    }

    /// <summary>The consumers of an event type that are <see cref="IRunConsumer{TEvent}"/>s of it.</summary>
    private Type[] RunConsumersOf(Type eventType) =>
        _runConsumers.GetOrAdd(eventType, t => handlers.HandlersFor(t).Where(typeof(IRunConsumer<>).MakeGenericType(t).IsAssignableFrom).ToArray());

    private readonly ConcurrentDictionary<Type, Type[]> _runConsumers = new();

    /// <summary>Has each run consumer of the run's events load, once, what handling the events it has not handled yet reads.</summary>
    private async Task PrepareRunAsync(AsyncServiceScope scope, IEnumerable<IIntegrationEvent> events, HashSet<(Guid MessageId, string Consumer)> handled, CancellationToken ct)
    {
        foreach (var group in events.GroupBy(e => e.GetType()))
        {
            foreach (var handlerType in RunConsumersOf(group.Key))
            {
                var consumer = handlerType.FullName ?? handlerType.Name;
                var pending = group.Where(e => !handled.Contains((e.Id, consumer))).ToList();
                if (pending.Count == 0)
                {
                    continue;
                }

                var handler = scope.ServiceProvider.GetRequiredService(handlerType);
                try
                {
                    await Preparers.GetOrAdd(group.Key, CreatePreparer)(handler, pending, ct);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    throw new ConsumerFailure(handlerType.Name, exception);
                }
            }
        }
    }

    /// <summary>
    /// Marks the due, still pending messages among <paramref name="messageIds"/> processed (one attempt more)
    /// and returns exactly those: one round trip, and only what this transaction claimed.
    /// </summary>
    /// <remarks>
    /// A plain command, its parameters made by the columns' own type mappings: EF Core's raw-SQL query would compile a
    /// query and a materialiser for every batch size it meets, and build them up again on every call.
    /// </remarks>
    private static async Task<List<ClaimedMessage>> ClaimAsync(ModuleDbContext outbox, IReadOnlyList<Guid> messageIds, DateTime now, CancellationToken ct)
    {
        var entity = outbox.Model.FindEntityType(typeof(OutboxMessage))!;
        var dialect = outbox.Database.ProviderName switch
        {
            ModuleSchema.SqliteProviderName => ClaimDialect.Sqlite,
            ModuleSchema.SqlServerProviderName => ClaimDialect.SqlServer,
            _ => ClaimDialect.Postgres,
        };
        var sql = ClaimStatements.GetOrAdd((entity, messageIds.Count), key => ClaimSql(key.Entity, key.Count, dialect));
        RelationalTypeMapping Mapping(string property) => entity.FindProperty(property)!.GetRelationalTypeMapping();
        var status = Mapping(nameof(OutboxMessage.Status));
        var time = Mapping(nameof(OutboxMessage.NextAttemptAt));
        var id = Mapping(nameof(OutboxMessage.Id));

        await using var command = outbox.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = outbox.Database.CurrentTransaction?.GetDbTransaction();
        // PostgreSQL takes positional placeholders ($1…) as they are; named ones Npgsql would rewrite on every call.
        string Name(int i) => dialect == ClaimDialect.Postgres ? string.Empty : $"@p{i}";
        command.Parameters.Add(status.CreateParameter(command, Name(0), OutboxMessageStatus.Processed));
        command.Parameters.Add(status.CreateParameter(command, Name(1), OutboxMessageStatus.Pending));
        command.Parameters.Add(time.CreateParameter(command, Name(2), now));
        command.Parameters.Add(time.CreateParameter(command, Name(3), now));
        for (var i = 0; i < messageIds.Count; i++)
        {
            command.Parameters.Add(id.CreateParameter(command, Name(i + 4), messageIds[i]));
        }

        await outbox.Database.OpenConnectionAsync(ct);
        try
        {
            var claimed = new List<ClaimedMessage>(messageIds.Count);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                claimed.Add(new ClaimedMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }

            return claimed;
        }
        finally
        {
            await outbox.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The claim statement per outbox table (the model is built once per module and provider) and batch size.</summary>
    private static readonly ConcurrentDictionary<(IEntityType Entity, int Count), string> ClaimStatements = new();

    internal enum ClaimDialect
    {
        Sqlite,
        Postgres,
        SqlServer,
    }

    /// <summary>
    /// On PostgreSQL the rows are picked with <c>FOR UPDATE SKIP LOCKED</c>, on SQL Server updated under
    /// <c>READPAST</c>: what another node's delivery transaction holds is left to it rather than waited for (it
    /// commits them processed, or rolls back and they are due again), so the retry jobs of several nodes work
    /// through the outbox side by side instead of queueing behind each other's row locks. SQLite has one writer at
    /// a time and no row locks to skip. Parameters: @p0 processed, @p1 pending, @p2 and @p3 now, @p4… the ids.
    /// </summary>
    internal static string ClaimSql(IEntityType entity, int count, ClaimDialect dialect)
    {
        string P(int i) => dialect == ClaimDialect.Postgres ? $"${i + 1}" : $"@p{i}";
        var ids = string.Join(", ", Enumerable.Range(4, count).Select(P));
        if (dialect == ClaimDialect.SqlServer)
        {
            var target = $"[{entity.GetSchema()}].[{entity.GetTableName()}]";
            string Col(string property) => $"[{entity.FindProperty(property)!.GetColumnName()}]";
            string st = Col(nameof(OutboxMessage.Status)), att = Col(nameof(OutboxMessage.Attempts)), key = Col(nameof(OutboxMessage.Id));
            return $$"""
                UPDATE {{target}} WITH (ROWLOCK, READPAST)
                SET {{st}} = @p0, {{Col(nameof(OutboxMessage.ProcessedAt))}} = @p2, {{att}} = {{att}} + 1, {{Col(nameof(OutboxMessage.LastError))}} = NULL
                OUTPUT inserted.{{key}} AS [Id], inserted.{{Col(nameof(OutboxMessage.Type))}} AS [Type], inserted.{{Col(nameof(OutboxMessage.Payload))}} AS [Payload], inserted.{{att}} AS [Attempts]
                WHERE {{st}} = @p1 AND {{Col(nameof(OutboxMessage.NextAttemptAt))}} <= @p3 AND {{key}} IN ({{ids}})
                """;
        }

        var table = entity.QuotedTable();
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName()}\"";
        string status = Column(nameof(OutboxMessage.Status)), attempts = Column(nameof(OutboxMessage.Attempts)), id = Column(nameof(OutboxMessage.Id));
        var due = $"{status} = {P(1)} AND {Column(nameof(OutboxMessage.NextAttemptAt))} <= {P(3)} AND {id} IN ({ids})";
        var where = dialect == ClaimDialect.Postgres ? $"{id} IN (SELECT {id} FROM {table} WHERE {due} FOR UPDATE SKIP LOCKED)" : due;
        return $$"""
            UPDATE {{table}}
            SET {{status}} = {{P(0)}}, {{Column(nameof(OutboxMessage.ProcessedAt))}} = {{P(2)}}, {{attempts}} = {{attempts}} + 1, {{Column(nameof(OutboxMessage.LastError))}} = NULL
            WHERE {{where}}
            RETURNING {{id}} AS "Id", {{Column(nameof(OutboxMessage.Type))}} AS "Type", {{Column(nameof(OutboxMessage.Payload))}} AS "Payload", {{attempts}} AS "Attempts"
            """;
    }

    private IIntegrationEvent? TryDeserialize(ClaimedMessage message)
    {
        try
        {
            return serializer.Deserialize(message.Type, message.Payload);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException)
        {
            logger.LogWarning(exception, "Outbox message {MessageId} of type {Type} cannot be read", message.Id, message.Type);
            return null;
        }
    }

    /// <summary>Which consumers already handled which of the events, read from each consumer module's inbox once.</summary>
    private async Task<HashSet<(Guid MessageId, string Consumer)>> HandledAsync(AsyncServiceScope scope, List<IIntegrationEvent> events, CancellationToken ct)
    {
        var handled = new HashSet<(Guid, string)>();
        var messageIds = events.Select(e => e.Id).ToList();
        var consumerModules = events
            .SelectMany(e => handlers.HandlersFor(e.GetType()))
            .Select(h => catalog.ForAssembly(h.Assembly))
            .Distinct();
        foreach (var consumerModule in consumerModules)
        {
            var rows = await Context(scope, consumerModule).InboxMessages.AsNoTracking()
                .Where(m => messageIds.Contains(m.MessageId))
                .Select(m => new { m.MessageId, m.Consumer })
                .ToListAsync(ct);
            handled.UnionWith(rows.Select(r => (r.MessageId, r.Consumer)));
        }

        return handled;
    }

    /// <summary>
    /// Records a failed attempt with its backoff, or dead-letters the message after the last one. True when the
    /// retry is due at once: the first failure of a lost race (<see cref="LostRace"/>) is over when this
    /// transaction ends, so it waits for no backoff.
    /// </summary>
    private async Task<bool> RecordFailureAsync(ModuleDbContext outbox, ClaimedMessage message, Exception exception, DateTime now, CancellationToken ct)
    {
        var error = exception is ConsumerFailure failure
            ? $"{failure.Consumer}: {failure.InnerException!.GetType().Name}: {failure.InnerException.Message}"
            : $"{exception.GetType().Name}: {exception.Message}";
        error = error.Length > 2000 ? error[..2000] : error;
        var dead = message.Attempts >= options.MaxAttempts;
        var retryAtOnce = !dead && message.Attempts == 1 && LostRace(exception);
        logger.LogWarning(exception, "Outbox message {MessageId} failed attempt {Attempt}: {Error}", message.Id, message.Attempts, error);
        await outbox.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, dead ? OutboxMessageStatus.DeadLettered : OutboxMessageStatus.Pending)
            .SetProperty(m => m.ProcessedAt, (DateTime?)null)
            .SetProperty(m => m.NextAttemptAt, retryAtOnce ? now : now + options.RetryDelay(message.Attempts))
            .SetProperty(m => m.LastError, error), ct);
        if (dead)
        {
            logger.LogError("Outbox message {MessageId} dead-lettered after {Attempts} attempts: {Error}", message.Id, message.Attempts, error);
        }

        return retryAtOnce;
    }

    /// <summary>
    /// A failure that says another transaction, already committed, wrote the same rows first: two deliveries of
    /// events about one aggregate inserting the same copy row (a unique violation), or updating a row whose version
    /// the other one had just changed (a concurrency conflict). Delivered again, the consumer reads what that
    /// transaction wrote and succeeds.
    /// </summary>
    internal static bool LostRace(Exception exception) =>
        (exception is ConsumerFailure ? exception.InnerException! : exception) switch
        {
            DbUpdateConcurrencyException => true,
            DbUpdateException update => DbErrors.IsUniqueViolation(update),
            _ => false,
        };

    /// <summary>An outbox row as the claim returns it.</summary>
    private sealed record ClaimedMessage(Guid Id, string Type, string Payload, int Attempts);

    private async Task HandleAsync(
        AsyncServiceScope scope, UnitOfWork unitOfWork, ClaimedMessage message, IIntegrationEvent? integrationEvent, HashSet<(Guid MessageId, string Consumer)> handled, DateTime now, CancellationToken ct)
    {
        if (integrationEvent is null)
        {
            throw new InvalidOperationException($"Outbox message {message.Id} of type {message.Type} cannot be read.");
        }

        // What each consumer changes is told apart from what the previous ones did by the change mark, so the message's
        // consumers are saved together, in one round trip. The mark after one consumer is the mark before the next.
        (long Written, int Pending)? atStart = null;
        var mark = default((long Written, int Pending));
        foreach (var handlerType in handlers.HandlersFor(integrationEvent.GetType()))
        {
            var consumer = handlerType.FullName ?? handlerType.Name;
            var inbox = Context(scope, catalog.ForAssembly(handlerType.Assembly));
            if (handled.Contains((integrationEvent.Id, consumer)))
            {
                continue;
            }

            var handler = scope.ServiceProvider.GetRequiredService(handlerType);
            if (atStart is null)
            {
                mark = unitOfWork.ChangeMark();
                atStart = mark;
            }

            try
            {
                await Invokers.GetOrAdd(integrationEvent.GetType(), CreateInvoker)(handler, integrationEvent, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new ConsumerFailure(handlerType.Name, exception);
            }

            // The inbox row goes with the consumer's effects. A consumer that changed nothing leaves none: running
            // it again would change nothing either (in-process signals such as the stock stream tolerate repeats).
            // The mark counts changed entries, so a consumer that only changed further what an earlier message of its
            // run left unsaved (the order copy that message added) would not move it: in a message that began with
            // unsaved changes, every consumer is recorded.
            var after = unitOfWork.ChangeMark();
            if (atStart.Value.Pending > 0 || after != mark)
            {
                inbox.InboxMessages.Add(InboxMessage.Create(integrationEvent.Id, consumer, now));
                after = unitOfWork.ChangeMark();
            }

            mark = after;
        }
    }

    /// <summary>Names the consumer that failed, for the outbox row's last error.</summary>
    private sealed class ConsumerFailure(string consumer, Exception inner) : Exception($"{consumer} failed: {inner.Message}", inner)
    {
        public string Consumer { get; } = consumer;
    }

    private static readonly ConcurrentDictionary<Type, Func<object, IIntegrationEvent, CancellationToken, Task>> Invokers = new();

    private static Func<object, IIntegrationEvent, CancellationToken, Task> CreateInvoker(Type eventType) =>
        typeof(OutboxDispatcher).GetMethod(nameof(Invoke), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType)
            .CreateDelegate<Func<object, IIntegrationEvent, CancellationToken, Task>>();

    private static readonly ConcurrentDictionary<Type, Func<object, List<IIntegrationEvent>, CancellationToken, Task>> Preparers = new();

    private static Func<object, List<IIntegrationEvent>, CancellationToken, Task> CreatePreparer(Type eventType) =>
        typeof(OutboxDispatcher).GetMethod(nameof(Prepare), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType)
            .CreateDelegate<Func<object, List<IIntegrationEvent>, CancellationToken, Task>>();

    private static Task Prepare<TEvent>(object handler, List<IIntegrationEvent> events, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        ((IRunConsumer<TEvent>)handler).PrepareRunAsync(events.Cast<TEvent>().ToList(), cancellationToken);

    private static Task Invoke<TEvent>(object handler, IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        ((IIntegrationEventHandler<TEvent>)handler).HandleAsync((TEvent)integrationEvent, cancellationToken);

    private static ModuleDbContext Context(AsyncServiceScope scope, ModuleDescriptor module) =>
        (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
}
