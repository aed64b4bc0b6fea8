using FluentValidation;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Domain;

namespace OrderHub.Inventory.AdjustStock;

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
