using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Analytics.ListReturningCustomers;

internal sealed class ListReturningCustomersQueryHandler(AnalyticsDbContext db)
    : IRequestHandler<ListReturningCustomersQuery, PagedResult<ReturningCustomerDto>>
{
    public async Task<PagedResult<ReturningCustomerDto>> Handle(ListReturningCustomersQuery request, CancellationToken cancellationToken)
    {
        var window = request.Window;
        var rollup = window.Rollup();
        var names = db.Names;
        var sqlServer = db.Database.IsSqlServer();
        var sql = CustomersSql(names, sqlServer, window.Storefront is not null);
        object[] parameters = [rollup.HeadFrom, rollup.HeadTo, rollup.TailFrom, rollup.TailTo, rollup.MonthFrom, rollup.MonthTo, request.Page.PageSize, request.Page.Skip];
        if (window.Storefront is { } scope)
        {
            parameters = [.. parameters, scope];
        }

        // Tens of thousands of customers hash-aggregate in memory with more than the default 4 MB of work_mem and
        // spill to disk without it. Parallel workers would each aggregate part of the rows and then merge their
        // ~130,000 partial groups by sorting the emails, which took 185 ms where one hash aggregate takes 140 ms
        // (365 days, 50,000 customers). Both hold for this read's transaction only (AnalyticsReads).
        var (page, total) = await AnalyticsReads.RunAsync(
            db,
            async ct =>
            {
                var rows = await db.Database.SqlQueryRaw<CustomerSums>(sql, parameters).ToListAsync(ct);
                return (rows, rows.Count > 0 ? (int)rows[0].Total : request.Page.Skip == 0 ? 0 : await CountAsync(window, rollup, ct));
            },
            cancellationToken,
            wideAggregate: true);

        var items = page
            .Select(c => new ReturningCustomerDto(c.Email, (int)c.Orders, (int)c.Sold, (int)c.Returns, (int)c.Returned, ReturnRates.Of(c.Returned, c.Sold)))
            .ToList();
        return new PagedResult<ReturningCustomerDto>(items, request.Page.Page, request.Page.PageSize, total);
    }

    /// <summary>
    /// The ranked page of customers, with the total on every row; parameters {0}–{3} the edge days, {4}–{5} the whole
    /// months, {6} the page size, {7} the rows to skip, {8} the storefront when <paramref name="storefront"/>.
    /// </summary>
    internal static string CustomersSql(ModuleSchema names, bool sqlServer, bool storefront)
    {
        string Table(string table) => names.Schema is { } schema ? $"\"{schema}\".\"{table}\"" : $"\"{names.Table(table)}\"";
        var storefrontFilter = storefront ? " AND storefront = {8}" : string.Empty;

        // Customers can be many: the database sums them once (whole months from month rows, the part-months at the
        // edges from day rows), ranks and pages; the total rides along on every row of the page as a window count,
        // so the customers are not aggregated a second time to count them. The rate orders as the double it always
        // did, spelled per engine (REAL is single precision on PostgreSQL). A row's counters fit an integer (the
        // answer's fields are integers), and integer sums are bigint where bigint sums would be numeric.
        var rate = names.IsSqlite ? "CAST(returned AS REAL)" : "CAST(returned AS double precision)";
        var page = sqlServer ? "OFFSET {7} ROWS FETCH NEXT {6} ROWS ONLY" : "LIMIT {6} OFFSET {7}";
        return $$"""
            WITH counters AS (
                SELECT customer_email, orders_delivered, units_sold, returns, units_returned FROM {{Table("customer_counters")}}
                WHERE ((day >= {0} AND day <= {1}) OR (day >= {2} AND day <= {3})){{storefrontFilter}}
                UNION ALL
                SELECT customer_email, orders_delivered, units_sold, returns, units_returned FROM {{Table("customer_month_counters")}}
                WHERE month >= {4} AND month <= {5}{{storefrontFilter}}
            ), customers AS (
                SELECT customer_email AS email, SUM(CAST(orders_delivered AS integer)) AS orders, SUM(CAST(units_sold AS integer)) AS sold,
                    SUM(CAST(returns AS integer)) AS returns, SUM(CAST(units_returned AS integer)) AS returned
                FROM counters GROUP BY customer_email
                HAVING SUM(CAST(orders_delivered AS integer)) <> 0 OR SUM(CAST(returns AS integer)) <> 0
            )
            SELECT email AS "Email", orders AS "Orders", sold AS "Sold", returns AS "Returns", returned AS "Returned", COUNT(*) OVER () AS "Total"
            FROM customers
            ORDER BY CASE WHEN sold = 0 THEN -1.0 ELSE {{rate}} / sold END DESC, returned DESC, email
            {{page}}
            """;
    }

    /// <summary>The total for a page past the end, which has no row to carry it.</summary>
    private async Task<int> CountAsync(AnalyticsWindow window, WindowRollup rollup, CancellationToken cancellationToken)
    {
        var days = db.CustomerCounters.AsNoTracking()
            .Where(c => (c.Day >= rollup.HeadFrom && c.Day <= rollup.HeadTo) || (c.Day >= rollup.TailFrom && c.Day <= rollup.TailTo));
        var months = db.CustomerMonthCounters.AsNoTracking().Where(c => c.Month >= rollup.MonthFrom && c.Month <= rollup.MonthTo);
        if (window.Storefront is { } storefront)
        {
            days = days.Where(c => c.Storefront == storefront);
            months = months.Where(c => c.Storefront == storefront);
        }

        return await days.Select(c => new { c.CustomerEmail, c.OrdersDelivered, c.Returns })
            .Concat(months.Select(c => new { c.CustomerEmail, c.OrdersDelivered, c.Returns }))
            .GroupBy(c => c.CustomerEmail)
            .Where(g => g.Sum(c => c.OrdersDelivered) != 0 || g.Sum(c => c.Returns) != 0)
            .CountAsync(cancellationToken);
    }

    internal sealed record CustomerSums(string Email, long Orders, long Sold, long Returns, long Returned, long Total);
}
