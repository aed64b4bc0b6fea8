using FluentValidation;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Inventory.TransferStock;

internal sealed class TransferStockCommandValidator : AbstractValidator<TransferStockCommand>
{
    public TransferStockCommandValidator()
    {
        RuleFor(x => x.Sku).MustBeCode();
        RuleFor(x => x.FromLocationCode).MustBeCode();
        RuleFor(x => x.ToLocationCode).MustBeCode()
            .NotEqual(x => x.FromLocationCode).WithMessage("toLocationCode must differ from fromLocationCode.");
        RuleFor(x => x.Quantity).MustBeQuantity();
    }
}
