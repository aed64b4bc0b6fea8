using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.Persistence;

namespace OrderHub.Analytics.GetProcessingTimes;

/// <summary>
/// Exact nearest-rank percentiles without reading every return: whole months come from the stage-time histograms
/// (a coarse one by hour finds which hour holds each rank, a fine one by hundredth of an hour is read only within
/// those hours), the part-months at the window's edges from the fact rows of their returns.
/// </summary>
internal sealed class GetProcessingTimesQueryHandler(AnalyticsDbContext db) : IRequestHandler<GetProcessingTimesQuery, IReadOnlyList<ProcessingTimeDto>>
{
    private static readonly int[] Percentiles = [50, 90, 100];

    public Task<IReadOnlyList<ProcessingTimeDto>> Handle(GetProcessingTimesQuery request, CancellationToken cancellationToken) =>
        AnalyticsReads.RunAsync(db, ct => ReadAsync(request, ct), cancellationToken);

    private async Task<IReadOnlyList<ProcessingTimeDto>> ReadAsync(GetProcessingTimesQuery request, CancellationToken cancellationToken)
    {
        var window = request.Window;
        var rollup = window.Rollup();
        var edges = await EdgeDurationsAsync(window, rollup, cancellationToken);

        var hourRows = db.StageHourMonthCounters.AsNoTracking().Where(c => c.Month >= rollup.MonthFrom && c.Month <= rollup.MonthTo);
        if (window.Storefront is { } storefront)
        {
            hourRows = hourRows.Where(c => c.Storefront == storefront);
        }

        var hours = (await hourRows
                .GroupBy(c => new { c.Stage, c.Hour })
                .Select(g => new { g.Key.Stage, g.Key.Hour, Returns = g.Sum(c => c.Returns) })
                .ToListAsync(cancellationToken))
            .ToLookup(h => h.Stage, h => (h.Hour, h.Returns));

        // Per stage: the hour histogram of the whole window, and for each percentile the hour holding its rank.
        var plans = StageTimes.Stages.Select(stage =>
        {
            var histogram = new SortedDictionary<long, long>();
            foreach (var (hour, returns) in hours[stage])
            {
                histogram[hour] = histogram.GetValueOrDefault(hour) + returns;
            }

            foreach (var centihours in edges[stage])
            {
                var hour = StageTimes.HourOf(centihours);
                histogram[hour] = histogram.GetValueOrDefault(hour) + 1;
            }

            var count = histogram.Values.Sum();
            var ranks = Percentiles.Select(p => Locate(histogram, Rank(p, count))).ToList();
            return (Stage: stage, Count: count, Ranks: ranks);
        }).ToList();

        var wanted = plans.SelectMany(p => p.Ranks.Select(r => (p.Stage, r.Hour))).Distinct().ToList();
        var fine = await DurationsWithinAsync(window, rollup, wanted, cancellationToken);
        return plans.Select(plan =>
        {
            if (plan.Count == 0)
            {
                return new ProcessingTimeDto(plan.Stage, 0, null, null, null);
            }

            var values = plan.Ranks.Select(r => StageTimes.Hours(Pick(plan.Stage, r.Hour, r.RankInHour, fine, edges))).ToList();
            return new ProcessingTimeDto(plan.Stage, (int)plan.Count, values[0], values[1], values[2]);
        }).ToList();
    }

    /// <summary>The durations of returns requested on the edge days, which the month histograms do not cover.</summary>
    private async Task<ILookup<string, long>> EdgeDurationsAsync(AnalyticsWindow window, WindowRollup rollup, CancellationToken cancellationToken)
    {
        var facts = db.ReturnFacts.AsNoTracking().Where(f =>
            (f.RequestedDay >= rollup.HeadFrom && f.RequestedDay <= rollup.HeadTo) || (f.RequestedDay >= rollup.TailFrom && f.RequestedDay <= rollup.TailTo));
        if (window.Storefront is { } storefront)
        {
            facts = facts.Where(f => f.Storefront == storefront);
        }

        var stamps = await facts.Select(f => new { f.RequestedAt, f.ApprovedAt, f.ReceivedAt, f.CompletedAt }).ToListAsync(cancellationToken);
        return stamps
            .SelectMany(s => StageTimes.Of(s.RequestedAt, s.ApprovedAt, s.ReceivedAt, s.CompletedAt))
            .ToLookup(s => s.Stage, s => s.Centihours);
    }

    /// <summary>The fine histogram of the whole months, only within the hours that hold a wanted rank.</summary>
    private async Task<Dictionary<(string Stage, long Hour), SortedDictionary<long, long>>> DurationsWithinAsync(
        AnalyticsWindow window, WindowRollup rollup, List<(string Stage, long Hour)> wanted, CancellationToken cancellationToken)
    {
        var result = wanted.ToDictionary(w => w, _ => new SortedDictionary<long, long>());
        if (rollup.MonthFrom > rollup.MonthTo)
        {
            return result;
        }

        IQueryable<StageDurationMonthCounterRow>? rows = null;
        foreach (var (stage, hour) in wanted)
        {
            var (low, high) = (hour * 100, (hour * 100) + 99);
            var part = db.StageDurationMonthCounters.AsNoTracking()
                .Where(c => c.Stage == stage && c.Centihours >= low && c.Centihours <= high && c.Month >= rollup.MonthFrom && c.Month <= rollup.MonthTo);
            if (window.Storefront is { } storefront)
            {
                part = part.Where(c => c.Storefront == storefront);
            }

            rows = rows is null ? part : rows.Concat(part);
        }

        if (rows is null)
        {
            return result;
        }

        foreach (var row in await rows.Select(c => new { c.Stage, c.Centihours, c.Returns }).ToListAsync(cancellationToken))
        {
            var bucket = result[(row.Stage, StageTimes.HourOf(row.Centihours))];
            bucket[row.Centihours] = bucket.GetValueOrDefault(row.Centihours) + row.Returns;
        }

        return result;
    }

    /// <summary>Nearest rank: position ceil(p/100 × n), 1-based (see <see cref="OrderHub.Analytics.Percentiles"/>).</summary>
    private static long Rank(int percentile, long count) => Math.Clamp((long)Math.Ceiling(percentile * count / 100m), 1, Math.Max(count, 1));

    /// <summary>The hour holding the value of <paramref name="rank"/>, and the value's rank within that hour.</summary>
    private static (long Hour, long RankInHour) Locate(SortedDictionary<long, long> histogram, long rank)
    {
        var below = 0L;
        foreach (var (hour, returns) in histogram)
        {
            if (below + returns >= rank)
            {
                return (hour, rank - below);
            }

            below += returns;
        }

        return (0, 0);
    }

    private static long Pick(string stage, long hour, long rankInHour, Dictionary<(string Stage, long Hour), SortedDictionary<long, long>> fine, ILookup<string, long> edges)
    {
        var bucket = new SortedDictionary<long, long>(fine[(stage, hour)]);
        foreach (var centihours in edges[stage].Where(c => StageTimes.HourOf(c) == hour))
        {
            bucket[centihours] = bucket.GetValueOrDefault(centihours) + 1;
        }

        var below = 0L;
        foreach (var (centihours, returns) in bucket)
        {
            below += returns;
            if (below >= rankInHour)
            {
                return centihours;
            }
        }

        throw new InvalidOperationException($"The stage-time histograms of {stage} disagree at hour {hour}.");
    }
}
