using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.Persistence;
using OrderHub.Returns.Contracts;

namespace OrderHub.Analytics.GetReturnsSummary;

internal sealed class GetReturnsSummaryQueryHandler(AnalyticsDbContext db) : IRequestHandler<GetReturnsSummaryQuery, ReturnsSummaryDto>
{
    public Task<ReturnsSummaryDto> Handle(GetReturnsSummaryQuery request, CancellationToken cancellationToken) =>
        AnalyticsReads.RunAsync(db, ct => ReadAsync(request, ct), cancellationToken);

    private async Task<ReturnsSummaryDto> ReadAsync(GetReturnsSummaryQuery request, CancellationToken cancellationToken)
    {
        var window = request.Window;
        var query = db.DailyTotals.AsNoTracking().Where(t => t.Day >= window.From && t.Day <= window.To);
        if (window.Storefront is { } storefront)
        {
            query = query.Where(t => t.Storefront == storefront);
        }

        // One row per day and storefront: a few hundred rows at most for the longest window.
        var rows = await query.ToListAsync(cancellationToken);
        long Sum(Func<DailyTotalsRow, long> counter) => rows.Sum(counter);
        var unitsSold = Sum(r => r.UnitsSold);
        var unitsReturned = Sum(r => r.UnitsReturned);
        return new ReturnsSummaryDto(
            window.From,
            window.To,
            window.Storefront,
            (int)Sum(r => r.OrdersDelivered),
            (int)unitsSold,
            (int)unitsReturned,
            ReturnRates.Of(unitsReturned, unitsSold),
            Sum(r => r.RefundCents) / 100m,
            Sum(r => r.StoreCreditCents) / 100m,
            (int)Sum(r => r.ExchangeReturns),
            (int)Sum(r => r.KeepItReturns),
            new Dictionary<string, int>
            {
                [nameof(ReturnResolution.Refund)] = (int)Sum(r => r.RefundReturns),
                [nameof(ReturnResolution.StoreCredit)] = (int)Sum(r => r.StoreCreditReturns),
                [nameof(ReturnResolution.Exchange)] = (int)Sum(r => r.ExchangeReturns),
            },
            new Dictionary<string, int>
            {
                [nameof(Disposition.Restock)] = (int)Sum(r => r.RestockUnits),
                [nameof(Disposition.Refurbish)] = (int)Sum(r => r.RefurbishUnits),
                [nameof(Disposition.Dispose)] = (int)Sum(r => r.DisposeUnits),
                [nameof(Disposition.ReturnToVendor)] = (int)Sum(r => r.ReturnToVendorUnits),
            });
    }
}
