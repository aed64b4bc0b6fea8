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
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.Catalog;

internal sealed record GetSkuQuery(string Sku) : IQuery<(SkuDto Sku, int Version)>;

internal sealed record ListSkusQuery(string? Barcode, string? Category, PageRequest Page) : IQuery<PagedResult<SkuDto>>;

internal sealed class GetSkuQueryHandler(InventoryDbContext db) : IRequestHandler<GetSkuQuery, (SkuDto Sku, int Version)>
{
    public async Task<(SkuDto Sku, int Version)> Handle(GetSkuQuery request, CancellationToken cancellationToken)
    {
        var sku = await db.Skus.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.Sku, cancellationToken)
            ?? throw new NotFoundException("SKU", request.Sku);
        return (sku.ToDto(), sku.Version);
    }
}

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

internal static class GetSkusEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{sku}", async Task<Ok<SkuDto>> (string sku, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            {
                var (dto, version) = await mediator.Send(new GetSkuQuery(sku), ct);
                ETags.Set(response, version);
                return TypedResults.Ok(dto);
            })
            .WithName("GetSku")
            .WithSummary("A SKU of the catalogue")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", async Task<Ok<PagedResult<SkuDto>>> (string? barcode, string? category, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListSkusQuery(barcode, category, PageRequest.From(page, pageSize)), ct)))
            .WithName("ListSkus")
            .WithSummary("List SKUs, optionally by barcode (scanner lookup) or category");
    }
}
