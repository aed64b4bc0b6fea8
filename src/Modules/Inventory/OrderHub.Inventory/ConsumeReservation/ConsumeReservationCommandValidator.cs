using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ConsumeReservation;

internal sealed class ConsumeReservationCommandValidator()
    : ReferenceAndLinesValidator<ConsumeReservationCommand>(x => x.Reference, x => x.Lines);
