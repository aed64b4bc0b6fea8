namespace OrderHub.Returns.Contracts;

/// <summary>One state change of a return.</summary>
public sealed record ReturnTimelineEntryDto(DateTime OccurredAt, string Event, ReturnStatus Status, string Actor, string? Detail);
