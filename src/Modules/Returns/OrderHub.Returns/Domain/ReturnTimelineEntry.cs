using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.Domain;

/// <summary>One state change of a return as its timeline shows it.</summary>
internal sealed class ReturnTimelineEntry : TimelineEntry<ReturnStatus>
{
    private ReturnTimelineEntry()
    {
    }

    public ReturnTimelineEntry(Guid returnId, int sequence, string eventName, ReturnStatus status, string actor, DateTime occurredAt, string? detail)
        : base(returnId, sequence, eventName, status, actor, occurredAt, detail)
    {
    }
}
