using FluentValidation;

namespace OrderHub.Orders.ShipOrder;

internal sealed class ShipOrderCommandValidator : AbstractValidator<ShipOrderCommand>
{
    private const string NullLine = "lines[{CollectionIndex}] must be an object, not null.";

    public ShipOrderCommandValidator()
    {
        RuleFor(x => x.Request.Lines).NotEmpty().OverridePropertyName("lines");
        RuleForEach(x => x.Request.Lines).NotNull().WithMessage(NullLine).ChildRules(line =>
        {
            line.RuleFor(l => l.OrderLineId).NotNull().NotEqual(Guid.Empty).OverridePropertyName("orderLineId");
            line.RuleFor(l => l.Quantity).NotNull().GreaterThan(0).OverridePropertyName("quantity");
        }).OverridePropertyName("lines");
        RuleFor(x => x.Request.Carrier).MaximumLength(100).OverridePropertyName("carrier");
        RuleFor(x => x.Request.TrackingNumber).MaximumLength(100).OverridePropertyName("trackingNumber");
        RuleFor(x => x.Request.WarehouseCode).MaximumLength(64).OverridePropertyName("warehouseCode");
    }
}
