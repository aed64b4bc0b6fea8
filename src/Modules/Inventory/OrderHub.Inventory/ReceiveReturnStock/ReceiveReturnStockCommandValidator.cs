using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ReceiveReturnStock;

internal sealed class ReceiveReturnStockCommandValidator : ReferenceAndLinesValidator<ReceiveReturnStockCommand>
{
    public ReceiveReturnStockCommandValidator()
        : base(x => x.Reference, x => x.Lines)
    {
        RuleFor(x => x.WarehouseCode).MustBeCode();
    }
}
