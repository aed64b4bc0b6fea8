using FluentValidation;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ReleaseReservation;

internal sealed class ReleaseReservationCommandValidator : AbstractValidator<ReleaseReservationCommand>
{
    public ReleaseReservationCommandValidator()
    {
        RuleFor(x => x.Reference).MustBeReference();
        When(x => x.Lines is not null, () => RuleFor(x => x.Lines!).MustBeStockLines());
    }
}
