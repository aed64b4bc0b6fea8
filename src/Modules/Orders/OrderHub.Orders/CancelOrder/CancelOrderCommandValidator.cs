using FluentValidation;

namespace OrderHub.Orders.CancelOrder;

internal sealed class CancelOrderCommandValidator : AbstractValidator<CancelOrderCommand>
{
    public CancelOrderCommandValidator() => RuleFor(x => x.Reason).MaximumLength(500).OverridePropertyName("reason");
}
