using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.SetLowStockThreshold;

internal sealed class SetLowStockThresholdCommandHandler(InventoryDbContext db) : IRequestHandler<SetLowStockThresholdCommand, (SkuDto Sku, int Version)>
{
    public async Task<(SkuDto Sku, int Version)> Handle(SetLowStockThresholdCommand request, CancellationToken cancellationToken)
    {
        var sku = await db.Skus.SingleOrDefaultAsync(s => s.Id == request.Sku, cancellationToken)
            ?? throw new NotFoundException("SKU", request.Sku);
        ETags.Check(request.ExpectedVersion, sku.Version);
        sku.SetLowStockThreshold(request.Threshold);
        await db.SaveChangesAsync(cancellationToken);
        return (sku.ToDto(), sku.Version);
    }
}
