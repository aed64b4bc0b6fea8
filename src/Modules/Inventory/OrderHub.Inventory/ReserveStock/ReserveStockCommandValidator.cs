using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ReserveStock;

internal sealed class ReserveStockCommandValidator()
    : ReferenceAndLinesValidator<ReserveStockCommand>(x => x.Reference, x => x.Lines);
