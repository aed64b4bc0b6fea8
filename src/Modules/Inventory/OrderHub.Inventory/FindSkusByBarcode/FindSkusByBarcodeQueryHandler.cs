using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Scanning;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.FindSkusByBarcode;

/// <summary>Answers <see cref="FindSkusByBarcodeQuery"/> for other modules, through the unique barcode index.</summary>
internal sealed class FindSkusByBarcodeQueryHandler(InventoryDbContext db) : IRequestHandler<FindSkusByBarcodeQuery, IReadOnlyList<SkuInfo>>
{
    public async Task<IReadOnlyList<SkuInfo>> Handle(FindSkusByBarcodeQuery request, CancellationToken cancellationToken)
    {
        // Catalogues store a GTIN as printed (8, 12, 13 or 14 digits), so every form of it is looked for.
        var forms = Gtin.TryParse(request.Barcode, out var gtin, out _) ? gtin.Forms() : [request.Barcode];
        var skus = await db.Skus.AsNoTracking().Where(s => s.Barcode != null && forms.Contains(s.Barcode)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return skus.Select(s => s.ToInfo()).ToList();
    }
}
