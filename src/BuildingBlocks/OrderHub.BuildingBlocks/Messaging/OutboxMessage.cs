namespace OrderHub.BuildingBlocks.Messaging;

public enum OutboxMessageStatus
{
    Pending,
    Processed,
    DeadLettered,
}

/// <summary>A row of a module's transactional outbox.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    public DateTime OccurredAt { get; private set; }

    public OutboxMessageStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? ProcessedAt { get; private set; }

    public string? LastError { get; private set; }

    internal static OutboxMessage Create(Guid id, string type, string payload, DateTime occurredAt) => new()
    {
        Id = id,
        Type = type,
        Payload = payload,
        OccurredAt = occurredAt,
        Status = OutboxMessageStatus.Pending,
        NextAttemptAt = occurredAt,
    };
}

/// <summary>A row of a module's inbox: one consumer has handled one message.</summary>
public sealed class InboxMessage
{
    private InboxMessage()
    {
    }

    public Guid MessageId { get; private set; }

    public string Consumer { get; private set; } = string.Empty;

    public DateTime HandledAt { get; private set; }

    internal static InboxMessage Create(Guid messageId, string consumer, DateTime handledAt) => new()
    {
        MessageId = messageId,
        Consumer = consumer,
        HandledAt = handledAt,
    };
}
