using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.GetStock;

/// <remarks>
/// The module's context is resolved only on a miss of the committed copy: most reads are served from the copy, and
/// renting a pooled context and resetting it again cost them about a twentieth of their CPU.
/// </remarks>
internal sealed class GetStockQueryHandler(IServiceProvider services, StockReadCache cache) : IRequestHandler<GetStockQuery, StockSnapshot>
{
    public Task<StockSnapshot> Handle(GetStockQuery request, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(request.Sku, ct => ReadAsync(request.Sku, ct), cancellationToken);

    private async Task<StockSnapshot> ReadAsync(string sku, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<InventoryDbContext>();
        // One round trip: the SKU's existence, its levels and what is expected back.
        var stock = await db.Skus.AsNoTracking()
            .Where(s => s.Id == sku)
            .Select(s => new
            {
                Levels = db.StockLevels.Where(l => l.Sku == s.Id).ToList(),
                Inbound = db.ExpectedReturns.Where(r => r.Sku == s.Id).Sum(r => (int?)r.Quantity) ?? 0,
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("SKU", sku);
        var history = stock.Inbound == 0 ? default : (await db.RestockHistoriesAsync([sku], cancellationToken)).GetValueOrDefault(sku);
        return StockFigures.Snapshot(sku, stock.Levels, stock.Inbound, history);
    }
}
