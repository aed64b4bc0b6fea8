using FluentValidation;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.CancelInboundReturn;

internal sealed class CancelInboundReturnCommandValidator : AbstractValidator<CancelInboundReturnCommand>
{
    public CancelInboundReturnCommandValidator() => RuleFor(x => x.Reference).MustBeReference();
}
