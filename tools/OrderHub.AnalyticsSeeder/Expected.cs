using OrderHub.Returns.Contracts;

namespace OrderHub.AnalyticsSeeder;

/// <summary>
/// Summary figures of a window computed straight from the generated facts, without the read-model writer: the
/// benchmark checks the summary route's answer against them.
/// </summary>
internal sealed record ExpectedWindow(int Days, DateOnly From, DateOnly To, int OrdersDelivered, long UnitsSold, long UnitsReturned, decimal RefundTotal, decimal StoreCreditTotal);

internal sealed record Expected(double SeedSeconds, int Orders, int OrderLines, int Returns, IReadOnlyDictionary<string, long> Rows, IReadOnlyList<ExpectedWindow> Windows)
{
    public static Expected Of(History history, DateOnly today, IEnumerable<int> windowDays, double seconds, IReadOnlyDictionary<string, long> rows)
    {
        var windows = windowDays.Distinct().Select(days =>
        {
            var from = today.AddDays(1 - days);
            bool In(DateTime at) => DateOnly.FromDateTime(at) >= from && DateOnly.FromDateTime(at) <= today;
            var delivered = history.Orders.Where(o => In(o.DeliveredAt)).ToList();
            var counted = history.Returns
                .Where(r => In(r.Return.RequestedAt!.Value) && r.Return.Status is not (ReturnStatus.Rejected or ReturnStatus.Cancelled or ReturnStatus.Expired))
                .ToList();
            return new ExpectedWindow(
                days,
                from,
                today,
                delivered.Count,
                delivered.Sum(o => o.Lines.Sum(l => (long)l.Quantity)),
                counted.Sum(r => r.Return.Lines.Sum(l => (long)l.Quantity)),
                counted.Sum(r => r.RefundAmount ?? 0),
                counted.Sum(r => r.StoreCreditAmount ?? 0));
        }).ToList();
        return new Expected(seconds, history.Orders.Count, history.Orders.Sum(o => o.Lines.Count), history.Returns.Count, rows, windows);
    }
}
