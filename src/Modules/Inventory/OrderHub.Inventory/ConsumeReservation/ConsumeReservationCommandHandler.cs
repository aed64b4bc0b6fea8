using MediatR;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ConsumeReservation;

internal sealed class ConsumeReservationCommandHandler(StockSession session) : IRequestHandler<ConsumeReservationCommand, bool>
{
    public async Task<bool> Handle(ConsumeReservationCommand request, CancellationToken cancellationToken)
    {
        var wanted = StockRules.Totals(request.Lines);
        var stocks = await session.LockAsync(wanted.Keys, request.Actor, request.Reference, cancellationToken);
        foreach (var (sku, quantity) in wanted)
        {
            stocks[sku].Consume(request.Reference, quantity);
        }

        await session.CompleteAsync(stocks.Values, "Shipment", request.Reference, cancellationToken);
        return true;
    }
}
