using FluentValidation;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders;

/// <summary>The <c>lines</c> of a shipment and of a short-ship: order line ids and positive unit counts.</summary>
internal static class ShipmentLineRules
{
    private const string NullLine = "lines[{CollectionIndex}] must be an object, not null.";

    public static void MustBeShipmentLines<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IEnumerable<ShipmentLineRequest>>> lines)
    {
        validator.RuleFor(lines).NotEmpty().OverridePropertyName("lines");
        validator.RuleForEach(lines).NotNull().WithMessage(NullLine).ChildRules(line =>
        {
            line.RuleFor(l => l.OrderLineId).NotNull().NotEqual(Guid.Empty).OverridePropertyName("orderLineId");
            line.RuleFor(l => l.Quantity).NotNull().GreaterThan(0).OverridePropertyName("quantity");
        }).OverridePropertyName("lines");
    }
}
