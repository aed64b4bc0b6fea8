using MediatR;
using OrderHub.Inventory.Contracts;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.ReceiveReturnStock;

internal sealed class ReceiveReturnStockCommandHandler(StockSession session) : IRequestHandler<ReceiveReturnStockCommand, IReadOnlyList<StockPlacement>>
{
    public async Task<IReadOnlyList<StockPlacement>> Handle(ReceiveReturnStockCommand request, CancellationToken cancellationToken)
    {
        var wanted = StockRules.Totals(request.Lines);
        var stocks = await session.LockAsync(wanted.Keys, request.Actor, null, cancellationToken);
        var placements = new List<StockPlacement>();
        foreach (var (sku, quantity) in wanted)
        {
            var returns = await session.PutawayLocationAsync(sku, request.WarehouseCode, PutawayPurpose.ReceivedReturn, cancellationToken);
            stocks[sku].ReceiveReturn(request.Reference, returns, quantity);
            placements.Add(new StockPlacement(sku, quantity, returns.Code, returns.Type));
        }

        await session.CompleteAsync(stocks.Values, "ReturnReceipt", request.Reference, cancellationToken);
        return placements;
    }
}
