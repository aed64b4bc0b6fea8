using FluentValidation;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.AllocateStock;

internal sealed class AllocateStockCommandValidator : ReferenceAndLinesValidator<AllocateStockCommand>
{
    public AllocateStockCommandValidator()
        : base(x => x.Reference, x => x.Lines) =>
        RuleFor(x => x.ShipToCountry).Length(2).When(x => x.ShipToCountry is not null);
}
