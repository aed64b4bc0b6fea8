using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.Persistence;

namespace OrderHub.Analytics.GetProcessingTimes;

internal sealed class GetProcessingTimesQueryHandler(AnalyticsDbContext db) : IRequestHandler<GetProcessingTimesQuery, IReadOnlyList<ProcessingTimeDto>>
{
    public async Task<IReadOnlyList<ProcessingTimeDto>> Handle(GetProcessingTimesQuery request, CancellationToken cancellationToken)
    {
        var window = request.Window;
        var facts = db.ReturnFacts.AsNoTracking().Where(f => f.RequestedDay >= window.From && f.RequestedDay <= window.To);
        if (window.Storefront is { } storefront)
        {
            facts = facts.Where(f => f.Storefront == storefront);
        }

        // Exact percentiles need every duration: four timestamps per return requested in the window, read through the
        // requested-day index, no other table.
        var stamps = await facts.Select(f => new { f.RequestedAt, f.ApprovedAt, f.ReceivedAt, f.CompletedAt }).ToListAsync(cancellationToken);
        return
        [
            Stage("requestedToApproved", stamps.Select(s => Hours(s.RequestedAt, s.ApprovedAt))),
            Stage("approvedToReceived", stamps.Select(s => Hours(s.ApprovedAt, s.ReceivedAt))),
            Stage("receivedToCompleted", stamps.Select(s => Hours(s.ReceivedAt, s.CompletedAt))),
            Stage("requestedToCompleted", stamps.Select(s => Hours(s.RequestedAt, s.CompletedAt))),
        ];
    }

    private static double? Hours(DateTime? start, DateTime? end) =>
        start is { } from && end is { } to ? (to - from).TotalHours : null;

    private static ProcessingTimeDto Stage(string stage, IEnumerable<double?> hours)
    {
        var sorted = hours.OfType<double>().Order().ToList();
        if (sorted.Count == 0)
        {
            return new ProcessingTimeDto(stage, 0, null, null, null);
        }

        return new ProcessingTimeDto(stage, sorted.Count, Round(Percentiles.NearestRank(sorted, 50)), Round(Percentiles.NearestRank(sorted, 90)), Round(sorted[^1]));
    }

    private static decimal Round(double hours) => decimal.Round((decimal)hours, 2, MidpointRounding.AwayFromZero);
}
