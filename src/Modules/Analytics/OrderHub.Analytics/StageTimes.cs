namespace OrderHub.Analytics;

/// <summary>
/// The stages whose durations the processing-times route reports, and the one rounding all of them go through.
/// Durations are counted in hundredths of an hour rounded as the route rounds them: rounding never reorders
/// values, so the nearest-rank percentile of the rounded durations is the rounded percentile of the exact ones,
/// and a histogram of hundredths answers exactly what sorting every duration would.
/// </summary>
internal static class StageTimes
{
    public const string RequestedToApproved = "requestedToApproved";
    public const string ApprovedToReceived = "approvedToReceived";
    public const string ReceivedToCompleted = "receivedToCompleted";
    public const string RequestedToCompleted = "requestedToCompleted";

    public static readonly IReadOnlyList<string> Stages = [RequestedToApproved, ApprovedToReceived, ReceivedToCompleted, RequestedToCompleted];

    /// <summary>The stages a return with these timestamps went through, with their durations in hundredths of an hour.</summary>
    public static IEnumerable<(string Stage, long Centihours)> Of(DateTime requestedAt, DateTime? approvedAt, DateTime? receivedAt, DateTime? completedAt)
    {
        if (approvedAt is { } approved)
        {
            yield return (RequestedToApproved, Centihours(requestedAt, approved));
        }

        if (approvedAt is { } from && receivedAt is { } received)
        {
            yield return (ApprovedToReceived, Centihours(from, received));
        }

        if (receivedAt is { } start && completedAt is { } completed)
        {
            yield return (ReceivedToCompleted, Centihours(start, completed));
        }

        if (completedAt is { } end)
        {
            yield return (RequestedToCompleted, Centihours(requestedAt, end));
        }
    }

    public static long Centihours(DateTime from, DateTime to) =>
        (long)(decimal.Round((decimal)(to - from).TotalHours, 2, MidpointRounding.AwayFromZero) * 100);

    /// <summary>The whole hour a duration falls in (rounded down, also below zero): the coarse histogram's bucket.</summary>
    public static long HourOf(long centihours) => centihours >= 0 ? centihours / 100 : (centihours - 99) / 100;

    public static decimal Hours(long centihours) => centihours / 100m;
}
