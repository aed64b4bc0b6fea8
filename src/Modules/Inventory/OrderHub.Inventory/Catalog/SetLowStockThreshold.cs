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
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.Catalog;

/// <summary>The low-stock threshold of a SKU.</summary>
/// <param name="Threshold">Raise <c>stock.low</c> when available stock falls to or below this; null turns the alert off.</param>
public sealed record LowStockThresholdRequest(int? Threshold);

internal sealed record SetLowStockThresholdCommand(string Sku, int? Threshold, int? ExpectedVersion) : ICommand<(SkuDto Sku, int Version)>;

internal sealed class SetLowStockThresholdCommandValidator : AbstractValidator<SetLowStockThresholdCommand>
{
    public SetLowStockThresholdCommandValidator() => RuleFor(x => x.Threshold).GreaterThanOrEqualTo(0);
}

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

internal static class SetLowStockThresholdEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{sku}/low-stock-threshold", async Task<Ok<SkuDto>> (string sku, LowStockThresholdRequest request, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            {
                var (dto, version) = await mediator.Send(new SetLowStockThresholdCommand(sku, request.Threshold, ETags.ExpectedVersion(http)), ct);
                ETags.Set(response, version);
                return TypedResults.Ok(dto);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("SetLowStockThreshold")
            .WithSummary("Set or clear the low-stock alert of a SKU")
            .WithDescription("When a stock change takes available stock from above the threshold to at or below it, the integration event StockLow (webhook stock.low) is raised once. Accepts If-Match.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
