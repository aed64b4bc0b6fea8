using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.CreateSku;

internal sealed class CreateSkuCommandHandler(InventoryDbContext db, TimeProvider clock) : IRequestHandler<CreateSkuCommand, SkuDto>
{
    public async Task<SkuDto> Handle(CreateSkuCommand request, CancellationToken cancellationToken)
    {
        if (await db.Skus.AnyAsync(s => s.Id == request.Sku, cancellationToken))
        {
            throw new ConflictException($"SKU '{request.Sku}' already exists.", "duplicate-sku");
        }

        if (request.Barcode is not null && await db.Skus.AnyAsync(s => s.Barcode == request.Barcode, cancellationToken))
        {
            throw new ConflictException($"Barcode '{request.Barcode}' already belongs to another SKU.", "duplicate-barcode");
        }

        var sku = Sku.Create(request.Sku!, request.Name!.Trim(), request.Category!.Trim(), request.Barcode, request.UnitPrice,
            request.Returnable ?? true, request.LowStockThreshold, clock.GetUtcNow().UtcDateTime);
        db.Skus.Add(sku);
        return sku.ToDto();
    }
}
