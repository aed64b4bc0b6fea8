using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.ListSkus;

internal sealed class ListSkusQueryHandler(InventoryDbContext db) : IRequestHandler<ListSkusQuery, PagedResult<SkuDto>>
{
    public async Task<PagedResult<SkuDto>> Handle(ListSkusQuery request, CancellationToken cancellationToken)
    {
        var query = db.Skus.AsNoTracking();
        if (!string.IsNullOrEmpty(request.Barcode))
        {
            query = query.Where(s => s.Barcode == request.Barcode);
        }

        if (!string.IsNullOrEmpty(request.Category))
        {
            query = query.Where(s => s.Category == request.Category);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(s => s.Id)
            .Skip(request.Page.Skip).Take(request.Page.PageSize)
            .Select(s => new SkuDto(s.Id, s.Name, s.Category, s.Barcode, s.UnitPrice, s.Returnable, s.LowStockThreshold, s.CreatedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<SkuDto>(items, request.Page.Page, request.Page.PageSize, total);
    }
}
