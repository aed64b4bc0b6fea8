using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.ReleaseReservation;

internal sealed class ReleaseReservationCommandHandler(StockSession session, InventoryDbContext db)
    : IRequestHandler<ReleaseReservationCommand, bool>
{
    public async Task<bool> Handle(ReleaseReservationCommand request, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> skus = request.Lines is null
            ? await ReservedSkusAsync(request.Reference, cancellationToken)
            : StockRules.Totals(request.Lines).Keys;
        if (skus.Count == 0)
        {
            return false;
        }

        var stocks = await session.LockAsync(skus, request.Actor, request.Reference, cancellationToken);
        var released = 0;
        if (request.Lines is null)
        {
            released = stocks.Values.Sum(s => s.Release(request.Reference, null));
        }
        else
        {
            foreach (var (sku, quantity) in StockRules.Totals(request.Lines))
            {
                released += stocks[sku].Release(request.Reference, quantity);
            }
        }

        await session.CompleteAsync(stocks.Values, "Release", request.Reference, cancellationToken);
        return released > 0;
    }

    private async Task<List<string>> ReservedSkusAsync(string reference, CancellationToken cancellationToken) =>
        await db.Movements.Where(m => m.Reference == reference && m.ReservedDelta != 0).Select(m => m.Sku).Distinct().ToListAsync(cancellationToken);
}
