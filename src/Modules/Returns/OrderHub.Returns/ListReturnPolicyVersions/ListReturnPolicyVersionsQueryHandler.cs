using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.ListReturnPolicyVersions;

/// <summary>Every version ever in force, newest first; the built-in version 1 is listed even when it was never stored.</summary>
internal sealed class ListReturnPolicyVersionsQueryHandler(ReturnsDbContext db) : IRequestHandler<ListReturnPolicyVersionsQuery, PagedResult<ReturnPolicyDto>>
{
    public async Task<PagedResult<ReturnPolicyDto>> Handle(ListReturnPolicyVersionsQuery request, CancellationToken cancellationToken)
    {
        var page = request.Page;
        var stored = await db.Policies.CountAsync(cancellationToken);
        var builtInStored = await db.Policies.AnyAsync(p => p.Version == 1, cancellationToken);
        var versions = await db.Policies.AsNoTracking().OrderByDescending(p => p.Version).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        if (!builtInStored && versions.Count < page.PageSize && page.Skip + versions.Count == stored)
        {
            versions.Add(ReturnPolicy.BuiltIn());
        }

        return new PagedResult<ReturnPolicyDto>(versions.Select(v => v.ToDto()).ToList(), page.Page, page.PageSize, stored + (builtInStored ? 0 : 1));
    }
}
