namespace OrderHub.BuildingBlocks.Domain;

/// <summary>
/// One entry of an aggregate's timeline: what happened, the status it left the aggregate in, who did it and when.
/// Entries are numbered per owner from 1 and never change; map them with <c>IsTimelineOf</c>.
/// </summary>
public abstract class TimelineEntry<TStatus>
    where TStatus : struct, Enum
{
    protected TimelineEntry()
    {
    }

    protected TimelineEntry(Guid ownerId, int sequence, string eventName, TStatus status, string actor, DateTime occurredAt, string? detail)
    {
        OwnerId = ownerId;
        Sequence = sequence;
        Event = eventName;
        Status = status;
        Actor = actor;
        OccurredAt = occurredAt;
        Detail = detail;
    }

    /// <summary>The aggregate the entry belongs to.</summary>
    public Guid OwnerId { get; private set; }

    public int Sequence { get; private set; }

    public string Event { get; private set; } = string.Empty;

    public TStatus Status { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public DateTime OccurredAt { get; private set; }

    public string? Detail { get; private set; }
}
