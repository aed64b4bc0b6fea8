using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.GetSkus;

/// <summary>Answers <see cref="GetSkusQuery"/> for other modules.</summary>
internal sealed class GetSkusQueryHandler(InventoryDbContext db) : IRequestHandler<GetSkusQuery, IReadOnlyList<SkuInfo>>
{
    public async Task<IReadOnlyList<SkuInfo>> Handle(GetSkusQuery request, CancellationToken cancellationToken)
    {
        var codes = request.Skus.Distinct(StringComparer.Ordinal).ToList();
        var skus = await db.Skus.AsNoTracking().Where(s => codes.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return skus.Select(s => s.ToInfo()).ToList();
    }
}
