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
