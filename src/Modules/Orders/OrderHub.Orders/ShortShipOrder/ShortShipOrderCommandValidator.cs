using FluentValidation;

namespace OrderHub.Orders.ShortShipOrder;

internal sealed class ShortShipOrderCommandValidator : AbstractValidator<ShortShipOrderCommand>
{
    public ShortShipOrderCommandValidator()
    {
        this.MustBeShipmentLines(x => x.Request.Lines!);
        RuleFor(x => x.Request.Reason).NotEmpty().MaximumLength(500).OverridePropertyName("reason");
    }
}
