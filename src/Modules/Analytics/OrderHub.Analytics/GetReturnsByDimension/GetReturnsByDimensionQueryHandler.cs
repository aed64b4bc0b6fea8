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

    public Task<PagedResult<ReturnsByDimensionRowDto>> Handle(GetReturnsByDimensionQuery request, CancellationToken cancellationToken) =>
        AnalyticsReads.RunAsync(db, ct => ReadAsync(request, ct), cancellationToken);

    private async Task<PagedResult<ReturnsByDimensionRowDto>> ReadAsync(GetReturnsByDimensionQuery request, CancellationToken cancellationToken)
    {
        var window = request.Window;
        var dimension = request.Dimension!;
        var rollup = window.Rollup();
        var days = db.DimensionCounters.AsNoTracking()
            .Where(c => c.Dimension == dimension
                && ((c.Day >= rollup.HeadFrom && c.Day <= rollup.HeadTo) || (c.Day >= rollup.TailFrom && c.Day <= rollup.TailTo)));
        var months = db.DimensionMonthCounters.AsNoTracking()
            .Where(c => c.Dimension == dimension && c.Month >= rollup.MonthFrom && c.Month <= rollup.MonthTo);
        if (window.Storefront is { } storefront)
        {
            days = days.Where(c => c.Storefront == storefront);
            months = months.Where(c => c.Storefront == storefront);
        }

        // Whole months come from month rows, the part-months at the edges from day rows: one row per value (SKUs at
        // most, a few thousand), summed by the database; ranked here.
        var sums = await days.Select(c => new { c.Key, c.UnitsSold, c.UnitsReturned })
            .Concat(months.Select(c => new { c.Key, c.UnitsSold, c.UnitsReturned }))
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

        var rollup = window.Rollup();
        var days = db.ReasonCounters.AsNoTracking()
            .Where(r => r.Dimension == dimension && keys.Contains(r.Key)
                && ((r.Day >= rollup.HeadFrom && r.Day <= rollup.HeadTo) || (r.Day >= rollup.TailFrom && r.Day <= rollup.TailTo)));
        var months = db.ReasonMonthCounters.AsNoTracking()
            .Where(r => r.Dimension == dimension && keys.Contains(r.Key) && r.Month >= rollup.MonthFrom && r.Month <= rollup.MonthTo);
        if (window.Storefront is { } storefront)
        {
            days = days.Where(r => r.Storefront == storefront);
            months = months.Where(r => r.Storefront == storefront);
        }

        var sums = await days.Select(r => new { r.Key, r.Reason, r.Units })
            .Concat(months.Select(r => new { r.Key, r.Reason, r.Units }))
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
