namespace OrderHub.Analytics.Contracts;

/// <summary>
/// How long returns requested in the window took from one stage to the next, in hours (two decimals).
/// Percentiles are nearest-rank: the value at position ceil(p/100 × count) of the sorted durations.
/// </summary>
/// <param name="Stage"><c>requestedToApproved</c>, <c>approvedToReceived</c>, <c>receivedToCompleted</c> or <c>requestedToCompleted</c>.</param>
/// <param name="Count">Returns that went through both stages.</param>
/// <param name="P50Hours">The median duration; null when no return went through both stages.</param>
/// <param name="P90Hours">The 90th percentile duration.</param>
/// <param name="MaxHours">The longest duration.</param>
public sealed record ProcessingTimeDto(string Stage, int Count, decimal? P50Hours, decimal? P90Hours, decimal? MaxHours);
