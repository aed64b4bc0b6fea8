using System.Linq.Expressions;
using FluentValidation;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory;

/// <summary>Commands made of a reference (order, RMA) and stock lines, as other modules send them.</summary>
internal abstract class ReferenceAndLinesValidator<T> : AbstractValidator<T>
{
    protected ReferenceAndLinesValidator(Expression<Func<T, string>> reference, Expression<Func<T, IReadOnlyList<StockLine>>> lines)
    {
        RuleFor(reference).MustBeReference();
        RuleFor(lines).MustBeStockLines();
    }
}
