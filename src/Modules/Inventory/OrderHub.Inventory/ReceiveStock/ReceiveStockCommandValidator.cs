using FluentValidation;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.ReceiveStock;

internal sealed class ReceiveStockCommandValidator : AbstractValidator<ReceiveStockCommand>
{
    public ReceiveStockCommandValidator()
    {
        RuleFor(x => x.Sku).MustBeCode();
        RuleFor(x => x.LocationCode).MustBeCode();
        RuleFor(x => x.Quantity).MustBeQuantity();
        RuleFor(x => x.Reference).MaximumLength(InventoryDbContext.ReferenceLength);
    }
}
