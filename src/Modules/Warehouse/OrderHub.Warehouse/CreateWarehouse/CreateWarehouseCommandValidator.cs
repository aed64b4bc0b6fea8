using FluentValidation;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Warehouse.CreateWarehouse;

internal sealed class CreateWarehouseCommandValidator : AbstractValidator<CreateWarehouseCommand>
{
    public CreateWarehouseCommandValidator()
    {
        RuleFor(x => x.Code).MustBeCode();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Address).NotNull();
        When(x => x.Address is not null, () =>
        {
            RuleFor(x => x.Address!.Line1).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Address!.Line2).MaximumLength(200);
            RuleFor(x => x.Address!.City).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Address!.Region).MaximumLength(100);
            RuleFor(x => x.Address!.PostalCode).NotEmpty().MaximumLength(32);
            RuleFor(x => x.Address!.Country).NotEmpty().Matches("^[A-Za-z]{2}$")
                .WithMessage("address.country must be an ISO 3166-1 alpha-2 code such as NL.");
        });
    }
}
