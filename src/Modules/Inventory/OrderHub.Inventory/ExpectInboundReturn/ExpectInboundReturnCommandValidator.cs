using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ExpectInboundReturn;

internal sealed class ExpectInboundReturnCommandValidator()
    : ReferenceAndLinesValidator<ExpectInboundReturnCommand>(x => x.Reference, x => x.Lines);
