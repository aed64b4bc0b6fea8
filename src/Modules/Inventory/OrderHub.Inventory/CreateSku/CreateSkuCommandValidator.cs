using FluentValidation;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Inventory.CreateSku;

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
