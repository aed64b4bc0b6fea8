using FluentValidation;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.PutAwayReturn;

internal sealed class PutAwayReturnCommandValidator : AbstractValidator<PutAwayReturnCommand>
{
    public PutAwayReturnCommandValidator()
    {
        RuleFor(x => x.Reference).MustBeReference();
        RuleFor(x => x.WarehouseCode).MustBeCode();
        RuleFor(x => x.Sku).MustBeCode();
        RuleFor(x => (int?)x.Quantity).MustBeQuantity().OverridePropertyName("quantity");
        RuleFor(x => x.Purpose).IsInEnum().NotEqual(PutawayPurpose.ReceivedReturn)
            .WithMessage("purpose must be Restock, Refurbish, Dispose or ReturnToVendor.");
    }
}
