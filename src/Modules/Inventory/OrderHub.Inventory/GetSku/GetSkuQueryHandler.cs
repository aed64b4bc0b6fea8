using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.GetSku;

internal sealed class GetSkuQueryHandler(InventoryDbContext db) : IRequestHandler<GetSkuQuery, (SkuDto Sku, int Version)>
{
    public async Task<(SkuDto Sku, int Version)> Handle(GetSkuQuery request, CancellationToken cancellationToken)
    {
        var sku = await db.Skus.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.Sku, cancellationToken)
            ?? throw new NotFoundException("SKU", request.Sku);
        return (sku.ToDto(), sku.Version);
    }
}
