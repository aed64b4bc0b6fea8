using FluentValidation;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders;

/// <summary>The <c>lines</c> of a shipment and of a short-ship: order line ids and positive unit counts.</summary>
internal static class ShipmentLineRules
{
    /// <summary>More units than any order line may hold (placing caps a line at 100,000), and low enough that sums cannot overflow.</summary>
    private const int MaxQuantity = 1_000_000;

    private const string NullLine = "lines[{CollectionIndex}] must be an object, not null.";

    public static void MustBeShipmentLines<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IEnumerable<ShipmentLineRequest>>> lines)
    {
        validator.RuleFor(lines).NotEmpty().OverridePropertyName("lines");
        // One entry per order line: repeated entries would add up past what the line can hold (and past int).
        validator.RuleFor(lines)
            .Must(ls => ls is null || ls.Where(l => l?.OrderLineId is not null).GroupBy(l => l.OrderLineId).All(g => g.Count() == 1))
            .WithMessage("lines must name each orderLineId once.")
            .OverridePropertyName("lines");
        validator.RuleForEach(lines).NotNull().WithMessage(NullLine).ChildRules(line =>
        {
            line.RuleFor(l => l.OrderLineId).NotNull().NotEqual(Guid.Empty).OverridePropertyName("orderLineId");
            line.RuleFor(l => l.Quantity).NotNull().InclusiveBetween(1, MaxQuantity).OverridePropertyName("quantity");
        }).OverridePropertyName("lines");
    }
}
