using System.Data.Common;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext: the module's own schema, its outbox and inbox, shared naming
/// conventions, domain-event dispatch before save and the aggregate version bump.
/// </summary>
/// <remarks>
/// Contexts are pooled (ADR 0014): one instance serves many DI scopes in turn. Each time the scope's registration
/// leases one from the pool, <see cref="Lease"/> hands it that scope's services and connection and enlists it in
/// the scope's unit of work; returning it to the pool forgets them again.
/// </remarks>
public abstract class ModuleDbContext : DbContext
{
    private const int MaxDomainEventRounds = 10;
    private readonly List<Guid> _pendingOutbox = [];
    private ModuleDbContextServices? _services;

    protected ModuleDbContext(DbContextOptions options)
        : base(options)
    {
        // A failed save fails the whole unit of work (RunIsolatedAsync sets its own savepoints), so EF's
        // savepoint around every save inside the transaction would only add two round trips per save. Set in the
        // constructor, it is part of the configuration a pooled context returns to on every lease.
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>The module's schema (PostgreSQL) or table prefix (SQLite).</summary>
    public abstract string SchemaName { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <remarks>Worked out once per instance: a pooled context keeps its provider for life.</remarks>
    public ModuleSchema Names => _names ??= new(SchemaName, Database.ProviderName == ModuleSchema.SqliteProviderName);

    private ModuleSchema? _names;

    internal IReadOnlyList<Guid> PendingOutbox => _pendingOutbox;

    internal void ClearPendingOutbox() => _pendingOutbox.Clear();

    private ModuleDbContextServices Services => _services
        ?? throw new InvalidOperationException($"{GetType().Name} was used without being leased to a scope; resolve it from a DI scope.");

    /// <summary>
    /// Binds a context fresh from the pool to a DI scope: that scope's connection, services and unit of work.
    /// </summary>
    internal void Lease(ModuleDbContextServices services, DbConnection connection)
    {
        _services = services;
        Database.SetDbConnection(connection);
        services.UnitOfWork.Enlist(this);
    }

    public override void Dispose()
    {
        Forget();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        Forget();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    // Back to the pool: nothing of the scope it served may outlive it there.
    private void Forget()
    {
        _services = null;
        _pendingOutbox.Clear();
    }

    /// <summary>
    /// Writes an integration event to this module's outbox; it is saved with the state change and
    /// delivered only after the transaction commits.
    /// </summary>
    public void Publish(IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        var payload = JsonSerializer.Serialize(integrationEvent, type, Services.Serializer.Options);
        OutboxMessages.Add(OutboxMessage.Create(integrationEvent.Id, IntegrationEventSerializer.NameOf(type), payload, integrationEvent.OccurredAt));
        _pendingOutbox.Add(integrationEvent.Id);
    }

    /// <summary>
    /// One number read with a plain command in the context's transaction (a sequence's next value, say): EF Core's
    /// query pipeline would build a query, a command and a materialiser around a single value on every call.
    /// </summary>
    protected async Task<long> ReadNumberAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = Database.CurrentTransaction?.GetDbTransaction();
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    protected abstract void ConfigureModule(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModule(modelBuilder);
        MessagingModel.Configure(modelBuilder);

        ModelConventions.Apply(modelBuilder, Names);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync; OrderHub writes only through the asynchronous unit of work.");

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveAsync(acceptAllChangesOnSuccess, onlyIfChanged: false, cancellationToken);

    /// <summary>
    /// Saves what changed, doing nothing (not even bumping the version of an aggregate marked changed) when no tracked
    /// entity did: the unit of work's end and the outbox's consumers save every enlisted context this way.
    /// </summary>
    internal Task<int> SaveIfChangedAsync(CancellationToken cancellationToken) => SaveAsync(true, onlyIfChanged: true, cancellationToken);

    private async Task<int> SaveAsync(bool acceptAllChangesOnSuccess, bool onlyIfChanged, CancellationToken cancellationToken)
    {
        if (!Services.UnitOfWork.InTransaction)
        {
            // A write outside a command still goes through the unit of work: gate, transaction, outbox signal.
            return await Services.UnitOfWork.ExecuteAsync(ct => SaveAsync(acceptAllChangesOnSuccess, onlyIfChanged, ct), cancellationToken);
        }

        var (written, pending) = await PrepareSaveAsync(acceptAllChangesOnSuccess, onlyIfChanged, cancellationToken);
        if (pending is null)
        {
            return written;
        }

        await DirectRowWriter.WriteAsync(pending, cancellationToken);
        return Saved(pending, acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// The entity of this type tracked under this key, if any, added and not yet saved included: a look-up in the
    /// change tracker's identity map, without the change detection that <c>DbSet.Local</c> runs first.
    /// </summary>
    public T? Tracked<T, TKey>(TKey key)
        where T : class
    {
        using var pause = ChangeTracker.PauseAutoDetectChanges();
        return Set<T>().Local.FindEntry(key)?.Entity;
    }

    /// <summary>
    /// The entity's state in the change tracker (<see cref="EntityState.Detached"/> when it is not tracked), without
    /// the change detection of the entity that <c>Entry</c> runs first: for asking whether it is tracked at all.
    /// </summary>
    public EntityState TrackingStateOf(object entity)
    {
        using var pause = ChangeTracker.PauseAutoDetectChanges();
        return Entry(entity).State;
    }

    /// <summary>
    /// Which of these primary keys have a row in <typeparamref name="T"/>'s table: one statement of single-key look-ups
    /// joined by <c>UNION ALL</c>, each planned as a primary-key look-up whatever PostgreSQL's plan cache holds. (A
    /// generic plan for <c>id = ANY($1)</c>, made while the table was small, stays a sequential scan as it grows.)
    /// </summary>
    public async Task<List<TKey>> ExistingKeysAsync<T, TKey>(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
        where T : class
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var entity = Model.FindEntityType(typeof(T))!;
        var table = entity.QuotedTable();
        var column = $"\"{entity.FindPrimaryKey()!.Properties.Single().GetColumnName()}\"";
        var sql = string.Join(" UNION ALL ", keys.Select((_, i) => $"SELECT {column} AS \"Value\" FROM {table} WHERE {column} = {{{i}}}"));
        return await Database.SqlQueryRaw<TKey>(sql, keys.Cast<object>().ToArray()).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Everything of a save but sending its rows: domain events dispatched, changes detected once, aggregate versions
    /// bumped. On PostgreSQL the rows come back as statements for the caller to send (the unit of work sends its last
    /// save with its COMMIT, ADR 0032) and <see cref="Saved"/> completes the save once they went through; a save the
    /// direct writer leaves to EF Core is written here, and null comes back with the count written.
    /// </summary>
    internal async Task<(int Written, DirectRowWriter.PreparedSave? Pending)> PrepareSaveAsync(
        bool acceptAllChangesOnSuccess, bool onlyIfChanged, CancellationToken cancellationToken)
    {
        // Change detection (a snapshot comparison of every tracked entity) runs once per save, not once per look at
        // the tracked entries as well, nor once more to ask whether there is anything to save.
        using var pause = ChangeTracker.PauseAutoDetectChanges();
        await DispatchDomainEventsAsync(cancellationToken);
        ChangeTracker.DetectChanges();
        if (onlyIfChanged && !ChangeTracker.HasChanges())
        {
            return (0, null);
        }

        BumpAggregateVersions();
        if (DirectRowWriter.Prepare(this) is { } pending)
        {
            return (0, pending);
        }

        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        Services.UnitOfWork.CountWritten(written);
        return (written, null);
    }

    /// <summary>Completes a save whose statements went through: its changes accepted, as EF Core does after a save.</summary>
    internal int Saved(DirectRowWriter.PreparedSave save, bool acceptAllChangesOnSuccess)
    {
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        Services.UnitOfWork.CountWritten(save.Entries);
        return save.Entries;
    }

    private async Task DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxDomainEventRounds; round++)
        {
            var events = new List<IDomainEvent>();
            foreach (var entry in ChangeTracker.Entries())
            {
                if (entry.Entity is IHasDomainEvents aggregate && aggregate.DomainEvents.Count > 0)
                {
                    events.AddRange(aggregate.DomainEvents);
                    aggregate.ClearDomainEvents();
                    aggregate.MarkChanged();
                }
            }

            if (events.Count == 0)
            {
                return;
            }

            foreach (var domainEvent in events)
            {
                await Services.Mediator.Publish(domainEvent, cancellationToken);
            }
        }

        throw new InvalidOperationException("Domain event handlers kept raising events; giving up to avoid a loop.");
    }

    private void BumpAggregateVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is not IHasDomainEvents aggregate)
            {
                continue;
            }

            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && aggregate.Changed))
            {
                aggregate.IncrementVersion();
                entry.Property(nameof(AggregateRoot<int>.Version)).IsModified = true;
            }

            aggregate.ResetChanged();
        }
    }
}

/// <summary>The scope's services every module DbContext needs, handed to it on each lease from the pool.</summary>
public sealed class ModuleDbContextServices(UnitOfWork unitOfWork, IMediator mediator, IntegrationEventSerializer serializer)
{
    public UnitOfWork UnitOfWork { get; } = unitOfWork;

    public IMediator Mediator { get; } = mediator;

    public IntegrationEventSerializer Serializer { get; } = serializer;
}
