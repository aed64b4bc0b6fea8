namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// A fact one module publishes for others. It travels through the publisher's transactional outbox,
/// so it exists only if the state change that produced it was committed.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique message id; consumers deduplicate on it.</summary>
    Guid Id { get; }

    DateTime OccurredAt { get; }
}

/// <summary>Convenience base record for integration events.</summary>
public abstract record IntegrationEvent : IIntegrationEvent
{
    protected IntegrationEvent(Guid id, DateTime occurredAt)
    {
        Id = id;
        OccurredAt = occurredAt;
    }

    public Guid Id { get; init; }

    public DateTime OccurredAt { get; init; }
}

/// <summary>
/// Handles an integration event inside the consuming module. It runs in its own unit of work together
/// with the inbox record, so a redelivered message is recognised and skipped.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>
/// A consumer whose handling of a message sees what the earlier messages of its batch changed and did not save yet:
/// it reads nothing from the database, or only what <see cref="PrepareRunAsync"/> loaded and what the change tracker
/// holds, or finds rows by key with <c>FindAsync</c>, which looks in the change tracker before the database. The
/// dispatcher handles a run of messages whose consumers are all of this kind and saves once after the run (ADR 0034),
/// so their rows are written together.
/// </summary>
public interface IRunConsumer<TEvent> : IIntegrationEventHandler<TEvent>
    where TEvent : IIntegrationEvent
{
    /// <summary>
    /// Called once before the run's messages are handled, a run of one included, with those of the run's events of
    /// this type that this consumer has not handled yet: loads what handling them reads, in one query.
    /// </summary>
    Task PrepareRunAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;
}
