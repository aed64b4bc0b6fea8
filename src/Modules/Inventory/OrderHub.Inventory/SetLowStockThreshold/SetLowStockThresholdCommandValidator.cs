using FluentValidation;

namespace OrderHub.Inventory.SetLowStockThreshold;

internal sealed class SetLowStockThresholdCommandValidator : AbstractValidator<SetLowStockThresholdCommand>
{
    public SetLowStockThresholdCommandValidator() => RuleFor(x => x.Threshold).GreaterThanOrEqualTo(0);
}
