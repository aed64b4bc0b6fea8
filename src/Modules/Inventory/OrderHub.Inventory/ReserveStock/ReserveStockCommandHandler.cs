using MediatR;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ReserveStock;

/// <summary>All lines or none: every SKU is locked and checked before anything is reserved.</summary>
internal sealed class ReserveStockCommandHandler(StockSession session) : IRequestHandler<ReserveStockCommand, ReservationResult>
{
    public async Task<ReservationResult> Handle(ReserveStockCommand request, CancellationToken cancellationToken)
    {
        var wanted = StockRules.Totals(request.Lines);
        var stocks = await session.LockAsync(wanted.Keys, request.Actor, null, cancellationToken);
        var shortages = wanted
            .Select(w => stocks[w.Key].ShortageFor(w.Value))
            .OfType<StockShortage>()
            .ToList();
        if (shortages.Count > 0)
        {
            return new ReservationResult(false, shortages);
        }

        foreach (var (sku, quantity) in wanted)
        {
            stocks[sku].Reserve(quantity, request.Reference);
        }

        await session.CompleteAsync(stocks.Values, "Reservation", request.Reference, cancellationToken);
        return new ReservationResult(true, []);
    }
}
