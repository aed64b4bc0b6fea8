namespace OrderHub.BuildingBlocks.Domain;

/// <summary>
/// Base for aggregates: collects domain events until the unit of work saves them and carries the
/// optimistic concurrency version that also serves as the resource's ETag.
/// </summary>
public abstract class AggregateRoot<TId> : IHasDomainEvents
    where TId : notnull
{
    private readonly List<IDomainEvent> _domainEvents = [];
    private bool _changed;

    public TId Id { get; protected set; } = default!;

    /// <summary>Incremented on every saved change; a concurrency token on every provider.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    bool IHasDomainEvents.Changed => _changed;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    /// <summary>Marks the aggregate as changed when only its child entities were touched.</summary>
    protected void Touch() => _changed = true;

    void IHasDomainEvents.ClearDomainEvents() => _domainEvents.Clear();

    void IHasDomainEvents.MarkChanged() => _changed = true;

    void IHasDomainEvents.ResetChanged() => _changed = false;

    void IHasDomainEvents.IncrementVersion() => Version++;
}

/// <summary>What the persistence layer needs from an aggregate.</summary>
internal interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    bool Changed { get; }

    void ClearDomainEvents();

    void MarkChanged();

    void ResetChanged();

    void IncrementVersion();
}
