namespace OrderHub.Returns.Contracts;

/// <summary>A return and every state change it went through, oldest first.</summary>
public sealed record ReturnTracking(ReturnDto Return, IReadOnlyList<ReturnTimelineEntryDto> Timeline);
