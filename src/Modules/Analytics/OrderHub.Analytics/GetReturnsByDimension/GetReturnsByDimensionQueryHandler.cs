using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Analytics.GetReturnsByDimension;

internal sealed class GetReturnsByDimensionQueryHandler(AnalyticsDbContext db)
    : IRequestHandler<GetReturnsByDimensionQuery, PagedResult<ReturnsByDimensionRowDto>>
{
    private const int TopReasons = 3;

    public async Task<PagedResult<ReturnsByDimensionRowDto>> Handle(GetReturnsByDimensionQuery request, CancellationToken cancellationToken)
    {
        var window = request.Window;
        var dimension = request.Dimension!;
        var counters = db.DimensionCounters.AsNoTracking().Where(c => c.Dimension == dimension && c.Day >= window.From && c.Day <= window.To);
        if (window.Storefront is { } storefront)
        {
            counters = counters.Where(c => c.Storefront == storefront);
        }

        // One row per value (SKUs at most, a few thousand), summed by the database; ranked here.
        var sums = await counters
            .GroupBy(c => c.Key)
            .Select(g => new { Key = g.Key, Sold = g.Sum(c => c.UnitsSold), Returned = g.Sum(c => c.UnitsReturned) })
            .ToListAsync(cancellationToken);
        var soldOverall = dimension == Dimensions.Reason ? await UnitsSoldAsync(window, cancellationToken) : 0;
        var ranked = sums
            .Select(s => (s.Key, Sold: dimension == Dimensions.Reason ? soldOverall : s.Sold, s.Returned))
            .Where(s => s.Returned != 0 || (s.Sold != 0 && dimension != Dimensions.Reason))
            .Select(s => (s.Key, s.Sold, s.Returned, Rate: ReturnRates.Of(s.Returned, s.Sold)))
            .OrderByDescending(s => s.Rate.HasValue)
            .ThenByDescending(s => s.Rate)
            .ThenByDescending(s => s.Returned)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        var page = ranked.Skip(request.Page.Skip).Take(request.Page.PageSize).ToList();
        var reasons = await TopReasonsAsync(dimension, window, page.Select(p => p.Key).ToList(), cancellationToken);
        var items = page
            .Select(p => new ReturnsByDimensionRowDto(p.Key, (int)p.Sold, (int)p.Returned, p.Rate, reasons.GetValueOrDefault(p.Key) ?? []))
            .ToList();
        return new PagedResult<ReturnsByDimensionRowDto>(items, request.Page.Page, request.Page.PageSize, ranked.Count);
    }

    private async Task<long> UnitsSoldAsync(AnalyticsWindow window, CancellationToken cancellationToken)
    {
        var totals = db.DailyTotals.AsNoTracking().Where(t => t.Day >= window.From && t.Day <= window.To);
        if (window.Storefront is { } storefront)
        {
            totals = totals.Where(t => t.Storefront == storefront);
        }

        return await totals.SumAsync(t => t.UnitsSold, cancellationToken);
    }

    private async Task<Dictionary<string, IReadOnlyList<ReasonUnitsDto>>> TopReasonsAsync(
        string dimension, AnalyticsWindow window, List<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var counters = db.ReasonCounters.AsNoTracking()
            .Where(r => r.Dimension == dimension && r.Day >= window.From && r.Day <= window.To && keys.Contains(r.Key));
        if (window.Storefront is { } storefront)
        {
            counters = counters.Where(r => r.Storefront == storefront);
        }

        var sums = await counters
            .GroupBy(r => new { r.Key, r.Reason })
            .Select(g => new { g.Key.Key, g.Key.Reason, Units = g.Sum(r => r.Units) })
            .ToListAsync(cancellationToken);
        return sums
            .Where(s => s.Units > 0)
            .GroupBy(s => s.Key)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ReasonUnitsDto>)g
                    .OrderByDescending(s => s.Units)
                    .ThenBy(s => s.Reason, StringComparer.Ordinal)
                    .Take(TopReasons)
                    .Select(s => new ReasonUnitsDto(s.Reason, (int)s.Units))
                    .ToList());
    }
}
