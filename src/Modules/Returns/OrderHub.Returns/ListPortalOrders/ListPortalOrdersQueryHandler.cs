using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.ListPortalOrders;

/// <summary>
/// The session customer's orders that still have something to return, newest first: the orders of the session's
/// email in the storefront of the order it was opened from, never anyone else's.
/// </summary>
internal sealed class ListPortalOrdersQueryHandler(ReturnsDbContext db, CurrentPolicyCache policies, ReturnFacts facts, ReturnsAccess access, TimeProvider clock)
    : IRequestHandler<ListPortalOrdersQuery, PagedResult<PortalOrderDto>>
{
    public async Task<PagedResult<PortalOrderDto>> Handle(ListPortalOrdersQuery request, CancellationToken cancellationToken)
    {
        var email = access.PortalEmail ?? throw new InvalidOperationException("Only a portal session lists its customer's orders.");
        var storefront = access.PortalStorefront;
        var candidates = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerEmail == email && o.Storefront == storefront && !o.Cancelled && o.DeliveredAt != null)
            .OrderByDescending(o => o.CreatedAt)
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
        var rules = (await policies.GetAsync(db, cancellationToken)).Rules;
        var now = clock.GetUtcNow().UtcDateTime;
        var returnable = (await facts.LoadManyAsync(candidates, cancellationToken))
            .Select(o => new PortalOrderDto(o.Order.Id, o.Order.Number, o.Order.Currency, o.Order.DeliveredAt,
                o.Facts.Lines.Select(line => PolicyEvaluator.Evaluate(rules, o.Facts, line, now)).ToList()))
            .Where(o => o.Lines.Any(l => l.Eligible))
            .ToList();
        return new PagedResult<PortalOrderDto>([.. returnable.Skip(request.Page.Skip).Take(request.Page.PageSize)], request.Page.Page, request.Page.PageSize, returnable.Count);
    }
}
