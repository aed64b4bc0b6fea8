using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Platform.Contracts;
using OrderHub.Platform.Persistence;

namespace OrderHub.Platform.ListApiKeys;

internal sealed class ListApiKeysQueryHandler(PlatformDbContext db) : IRequestHandler<ListApiKeysQuery, PagedResult<ApiKeySummary>>
{
    public async Task<PagedResult<ApiKeySummary>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        var query = db.ApiKeys.AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(k => k.Name).ThenBy(k => k.Id)
            .Skip(request.Page.Skip).Take(request.Page.PageSize)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Role, k.Storefront, k.Prefix, k.CreatedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<ApiKeySummary>(items, request.Page.Page, request.Page.PageSize, total);
    }
}
