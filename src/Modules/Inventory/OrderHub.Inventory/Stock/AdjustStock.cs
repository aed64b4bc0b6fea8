using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Domain;

namespace OrderHub.Inventory.Stock;

/// <summary>A correction of the stock in one location.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="LocationCode">The location counted or corrected.</param>
/// <param name="QuantityDelta">Units added (positive) or removed (negative); never 0.</param>
/// <param name="Reason">One of <c>Correction, CycleCount, Damaged, Shrinkage, Found</c>.</param>
public sealed record AdjustStockRequest(string? Sku, string? LocationCode, int? QuantityDelta, string? Reason);

internal sealed record AdjustStockCommand(string? Sku, string? LocationCode, int? QuantityDelta, string? Reason, string Actor) : ICommand<StockChangeResponse>;

internal sealed class AdjustStockCommandValidator : AbstractValidator<AdjustStockCommand>
{
    public AdjustStockCommandValidator()
    {
        RuleFor(x => x.Sku).MustBeCode();
        RuleFor(x => x.LocationCode).MustBeCode();
        RuleFor(x => x.QuantityDelta).NotNull().NotEqual(0).InclusiveBetween(-StockRules.MaxQuantity, StockRules.MaxQuantity)
            .WithMessage($"quantityDelta must be a whole number of units between -{StockRules.MaxQuantity} and {StockRules.MaxQuantity}, not 0.");
        RuleFor(x => x.Reason).MustBeEnum<AdjustStockCommand, AdjustmentReason>();
    }
}

internal sealed class AdjustStockCommandHandler(StockSession session) : IRequestHandler<AdjustStockCommand, StockChangeResponse>
{
    public async Task<StockChangeResponse> Handle(AdjustStockCommand request, CancellationToken cancellationToken)
    {
        var stock = await session.LockAsync(request.Sku!, request.Actor, cancellationToken);
        var location = await session.LocationAsync(request.LocationCode!, cancellationToken);
        stock.Adjust(location, request.QuantityDelta!.Value, Enum.Parse<AdjustmentReason>(request.Reason!, ignoreCase: true));
        await session.CompleteAsync([stock], "Adjustment", null, cancellationToken);
        return StockMapping.Response(stock);
    }
}

internal static class AdjustStockEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapStockChange<AdjustStockRequest>(
            "/adjustments",
            "AdjustStock",
            "Adjust the stock of a location with a reason code",
            "Writes an Adjustment movement. 409 when the change would take on-hand below zero or below what is reserved there.",
            (r, actor) => new AdjustStockCommand(r.Sku, r.LocationCode, r.QuantityDelta, r.Reason, actor));
}
