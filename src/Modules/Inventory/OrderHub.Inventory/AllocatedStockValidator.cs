using System.Linq.Expressions;
using FluentValidation;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory;

/// <summary>Commands that act on allocated units, location by location, as the Orders module sends them.</summary>
internal abstract class AllocatedStockValidator<T> : AbstractValidator<T>
{
    protected AllocatedStockValidator(Expression<Func<T, string>> reference, Expression<Func<T, IReadOnlyList<StockAllocation>>> allocations)
    {
        RuleFor(reference).MustBeReference();
        RuleFor(allocations).NotEmpty()
            .ForEach(line => line.NotNull().ChildRules(a =>
            {
                a.RuleFor(x => x.Sku).MustBeCode();
                a.RuleFor(x => x.LocationCode).MustBeCode();
                a.RuleFor(x => (int?)x.Quantity).MustBeQuantity().OverridePropertyName("quantity");
            }));
    }
}
