using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Domain;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.Catalog;

/// <summary>A new SKU of the catalogue.</summary>
/// <param name="Sku">The SKU code, unique.</param>
/// <param name="Name">Product name.</param>
/// <param name="Category">Category; return policies can differ per category.</param>
/// <param name="Barcode">Optional EAN/UPC or internal barcode, unique; scanners look SKUs up by it.</param>
/// <param name="UnitPrice">Optional list price, at most two decimals.</param>
/// <param name="Returnable">Whether customers may return it; default true.</param>
/// <param name="LowStockThreshold">Optional: raise a <c>stock.low</c> event when available stock falls to or below this.</param>
public sealed record CreateSkuRequest(string? Sku, string? Name, string? Category, string? Barcode, decimal? UnitPrice, bool? Returnable, int? LowStockThreshold);

/// <summary>A SKU of the catalogue.</summary>
public sealed record SkuDto(string Sku, string Name, string Category, string? Barcode, [property: Money] decimal? UnitPrice, bool Returnable, int? LowStockThreshold, DateTime CreatedAt);

internal sealed record CreateSkuCommand(string? Sku, string? Name, string? Category, string? Barcode, decimal? UnitPrice, bool? Returnable, int? LowStockThreshold)
    : ICommand<SkuDto>;

internal sealed class CreateSkuCommandValidator : AbstractValidator<CreateSkuCommand>
{
    public CreateSkuCommandValidator()
    {
        RuleFor(x => x.Sku).MustBeCode();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Category).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Barcode).MustBeCode().When(x => x.Barcode is not null);
        RuleFor(x => x.UnitPrice).GreaterThanOrEqualTo(0).PrecisionScale(18, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.LowStockThreshold).GreaterThanOrEqualTo(0);
    }
}

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

internal static class SkuMapping
{
    public static SkuDto ToDto(this Sku s) => new(s.Id, s.Name, s.Category, s.Barcode, s.UnitPrice, s.Returnable, s.LowStockThreshold, s.CreatedAt);
}

internal static class CreateSkuEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<SkuDto>> (CreateSkuRequest r, IMediator mediator, CancellationToken ct) =>
            {
                var sku = await mediator.Send(new CreateSkuCommand(r.Sku, r.Name, r.Category, r.Barcode, r.UnitPrice, r.Returnable, r.LowStockThreshold), ct);
                return TypedResults.Created($"/api/v1/skus/{sku.Sku}", sku);
            })
            .RequireAuthorization(Policies.Staff)
            .WithIdempotency()
            .WithName("CreateSku")
            .WithSummary("Add a SKU to the catalogue")
            .WithDescription("409 when the SKU code or the barcode is already taken.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
