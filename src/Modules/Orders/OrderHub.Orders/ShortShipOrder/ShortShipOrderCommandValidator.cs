using FluentValidation;

namespace OrderHub.Orders.ShortShipOrder;

internal sealed class ShortShipOrderCommandValidator : AbstractValidator<ShortShipOrderCommand>
{
    private const string NullLine = "lines[{CollectionIndex}] must be an object, not null.";

    public ShortShipOrderCommandValidator()
    {
        RuleFor(x => x.Request.Lines).NotEmpty().OverridePropertyName("lines");
        RuleForEach(x => x.Request.Lines).NotNull().WithMessage(NullLine).ChildRules(line =>
        {
            line.RuleFor(l => l.OrderLineId).NotNull().NotEqual(Guid.Empty).OverridePropertyName("orderLineId");
            line.RuleFor(l => l.Quantity).NotNull().InclusiveBetween(1, 100_000).OverridePropertyName("quantity");
        }).OverridePropertyName("lines");
        RuleFor(x => x.Request.Reason).NotEmpty().MaximumLength(500).OverridePropertyName("reason");
    }
}
