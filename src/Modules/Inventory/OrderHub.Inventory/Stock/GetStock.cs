using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.Stock;

internal sealed record GetStockQuery(string Sku) : IQuery<StockSnapshot>;

internal sealed record ListMovementsQuery(string Sku, PageRequest Page) : IQuery<PagedResult<StockMovementDto>>;

internal sealed class GetStockQueryHandler(InventoryDbContext db, StockReadCache cache) : IRequestHandler<GetStockQuery, StockSnapshot>
{
    public Task<StockSnapshot> Handle(GetStockQuery request, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(request.Sku, ct => ReadAsync(request.Sku, ct), cancellationToken);

    private async Task<StockSnapshot> ReadAsync(string sku, CancellationToken cancellationToken)
    {
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
        return StockFigures.Snapshot(sku, stock.Levels, stock.Inbound);
    }
}

internal sealed class ListMovementsQueryHandler(InventoryDbContext db) : IRequestHandler<ListMovementsQuery, PagedResult<StockMovementDto>>
{
    public async Task<PagedResult<StockMovementDto>> Handle(ListMovementsQuery request, CancellationToken cancellationToken)
    {
        await db.RequireSkuAsync(request.Sku, cancellationToken);
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

internal static class StockQueries
{
    public static async Task RequireSkuAsync(this InventoryDbContext db, string sku, CancellationToken cancellationToken)
    {
        if (!await db.Skus.AnyAsync(s => s.Id == sku, cancellationToken))
        {
            throw new NotFoundException("SKU", sku);
        }
    }
}

internal static class GetStockEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{sku}", async Task<Ok<StockSnapshot>> (string sku, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetStockQuery(sku), ct)))
            .WithName("GetStock")
            .WithSummary("Stock figures of a SKU, in total and per location")
            .WithDescription("available = on-hand in Pick and Bulk locations minus reserved; nonSellable = on-hand in every other location type; inboundReturns = units on approved returns not yet received.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{sku}/movements", async Task<Ok<PagedResult<StockMovementDto>>> (string sku, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMovementsQuery(sku, PageRequest.From(page, pageSize)), ct)))
            .WithName("ListStockMovements")
            .WithSummary("The SKU's immutable stock ledger, newest first")
            .WithDescription("Every change of on-hand or reserved is one movement; per location the quantities add up to on-hand and the reservedDelta values to reserved.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
