using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.ListMovements;

internal sealed class ListMovementsQueryHandler(InventoryDbContext db) : IRequestHandler<ListMovementsQuery, PagedResult<StockMovementDto>>
{
    public async Task<PagedResult<StockMovementDto>> Handle(ListMovementsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Skus.AnyAsync(s => s.Id == request.Sku, cancellationToken))
        {
            throw new NotFoundException("SKU", request.Sku);
        }

        var query = db.Movements.AsNoTracking().Where(m => m.Sku == request.Sku);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(m => m.Id)
            .Skip(request.Page.Skip).Take(request.Page.PageSize)
            .Select(m => new StockMovementDto(m.Id, m.Type, m.Quantity, m.ReservedDelta, m.LocationCode, m.Reason, m.Reference, m.Actor, m.OccurredAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<StockMovementDto>(items, request.Page.Page, request.Page.PageSize, total);
    }
}
