namespace OrderHub.Analytics.Contracts;

/// <summary>
/// The returns analytics of one window in one answer, as the four routes give them: the summary, rows per asked
/// dimension (all of them, not a page) and the stage times.
/// </summary>
public sealed record ReturnsAnalyticsDto(
    ReturnsSummaryDto Summary,
    IReadOnlyDictionary<string, IReadOnlyList<ReturnsByDimensionRowDto>> ByDimension,
    IReadOnlyList<ProcessingTimeDto> ProcessingTimes);
