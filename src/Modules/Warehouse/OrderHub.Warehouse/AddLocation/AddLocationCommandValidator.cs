using FluentValidation;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.AddLocation;

internal sealed class AddLocationCommandValidator : AbstractValidator<AddLocationCommand>
{
    public AddLocationCommandValidator()
    {
        RuleFor(x => x.Code).MustBeCode();
        RuleFor(x => x.Type).MustBeEnum<AddLocationCommand, LocationType>();
        RuleFor(x => x.Sku).MustBeCode().When(x => x.Sku is not null);
    }
}
