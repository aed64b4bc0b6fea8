using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.CancelInboundReturn;

internal sealed class CancelInboundReturnCommandHandler(StockSession session, InventoryDbContext db) : IRequestHandler<CancelInboundReturnCommand, bool>
{
    public async Task<bool> Handle(CancelInboundReturnCommand request, CancellationToken cancellationToken)
    {
        var skus = await db.ExpectedReturns.Where(r => r.Reference == request.Reference).Select(r => r.Sku).ToListAsync(cancellationToken);
        if (skus.Count == 0)
        {
            return false;
        }

        var stocks = await session.LockAsync(skus, request.Actor, null, cancellationToken);
        var cancelled = stocks.Values.Sum(s => s.CancelExpectedReturn(request.Reference));
        await session.CompleteAsync(stocks.Values, "ReturnCancelled", request.Reference, cancellationToken);
        return cancelled > 0;
    }
}
