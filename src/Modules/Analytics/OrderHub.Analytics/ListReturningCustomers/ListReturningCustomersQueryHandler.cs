using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Analytics.ListReturningCustomers;

internal sealed class ListReturningCustomersQueryHandler(AnalyticsDbContext db)
    : IRequestHandler<ListReturningCustomersQuery, PagedResult<ReturningCustomerDto>>
{
    public async Task<PagedResult<ReturningCustomerDto>> Handle(ListReturningCustomersQuery request, CancellationToken cancellationToken)
    {
        var window = request.Window;
        var counters = db.CustomerCounters.AsNoTracking().Where(c => c.Day >= window.From && c.Day <= window.To);
        if (window.Storefront is { } storefront)
        {
            counters = counters.Where(c => c.Storefront == storefront);
        }

        // Customers can be many: the database sums, ranks and pages; only the page comes back.
        var customers = counters
            .GroupBy(c => c.CustomerEmail)
            .Select(g => new
            {
                Email = g.Key,
                Orders = g.Sum(c => c.OrdersDelivered),
                Sold = g.Sum(c => c.UnitsSold),
                Returns = g.Sum(c => c.Returns),
                Returned = g.Sum(c => c.UnitsReturned),
            })
            .Where(c => c.Orders != 0 || c.Returns != 0);
        var total = await customers.CountAsync(cancellationToken);
        var page = await customers
            .OrderByDescending(c => c.Sold == 0 ? -1.0 : (double)c.Returned / c.Sold)
            .ThenByDescending(c => c.Returned)
            .ThenBy(c => c.Email)
            .Skip(request.Page.Skip)
            .Take(request.Page.PageSize)
            .ToListAsync(cancellationToken);
        var items = page
            .Select(c => new ReturningCustomerDto(c.Email, (int)c.Orders, (int)c.Sold, (int)c.Returns, (int)c.Returned, ReturnRates.Of(c.Returned, c.Sold)))
            .ToList();
        return new PagedResult<ReturningCustomerDto>(items, request.Page.Page, request.Page.PageSize, total);
    }
}
