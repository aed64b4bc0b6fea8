using MediatR;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.TransferStock;

internal sealed class TransferStockCommandHandler(StockSession session) : IRequestHandler<TransferStockCommand, StockChangeResponse>
{
    public async Task<StockChangeResponse> Handle(TransferStockCommand request, CancellationToken cancellationToken)
    {
        var stock = await session.LockAsync(request.Sku!, request.Actor, cancellationToken);
        var from = await session.LocationAsync(request.FromLocationCode!, cancellationToken);
        var to = await session.LocationAsync(request.ToLocationCode!, cancellationToken);
        stock.Move(from, to, request.Quantity!.Value, MovementType.TransferOut, MovementType.TransferIn, null, null);
        await session.CompleteAsync([stock], "Transfer", null, cancellationToken);
        return StockMapping.Response(stock);
    }
}
