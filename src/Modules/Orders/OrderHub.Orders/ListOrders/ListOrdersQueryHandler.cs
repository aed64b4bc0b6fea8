using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Domain;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.ListOrders;

internal sealed class ListOrdersQueryHandler(OrdersDbContext db, ICurrentActor actor, IMapper mapper)
    : IRequestHandler<ListOrdersQuery, PagedResult<OrderSummaryDto>>
{
    public async Task<PagedResult<OrderSummaryDto>> Handle(ListOrdersQuery request, CancellationToken cancellationToken)
    {
        var query = db.Orders.AsNoTracking().Visible(actor);
        if (request.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(request.CustomerEmail))
        {
            var email = request.CustomerEmail.Trim().ToLowerInvariant();
            query = query.Where(o => o.Customer.Email == email);
        }

        if (!string.IsNullOrWhiteSpace(request.Storefront))
        {
            query = query.Where(o => o.Storefront == request.Storefront);
        }

        if (request.CreatedFrom is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            query = query.Where(o => o.CreatedAt >= fromUtc);
        }

        if (request.CreatedTo is { } to)
        {
            var toUtc = to.ToUniversalTime();
            query = query.Where(o => o.CreatedAt < toUtc);
        }

        var total = await query.CountAsync(cancellationToken);
        IOrderedQueryable<Order> ordered = request.Sort switch
        {
            "createdAt" => query.OrderBy(o => o.CreatedAt).ThenBy(o => o.SequenceNumber),
            "number" => query.OrderBy(o => o.SequenceNumber),
            "-number" => query.OrderByDescending(o => o.SequenceNumber),
            _ => query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.SequenceNumber),
        };
        var items = await ordered
            .Skip(request.Page.Skip)
            .Take(request.Page.PageSize)
            .ProjectTo<OrderSummaryDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
        return new PagedResult<OrderSummaryDto>(items, request.Page.Page, request.Page.PageSize, total);
    }
}
