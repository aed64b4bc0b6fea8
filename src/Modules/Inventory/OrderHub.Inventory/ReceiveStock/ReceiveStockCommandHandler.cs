using MediatR;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ReceiveStock;

internal sealed class ReceiveStockCommandHandler(StockSession session) : IRequestHandler<ReceiveStockCommand, StockChangeResponse>
{
    public async Task<StockChangeResponse> Handle(ReceiveStockCommand request, CancellationToken cancellationToken)
    {
        var stock = await session.LockAsync(request.Sku!, request.Actor, cancellationToken);
        var location = await session.LocationAsync(request.LocationCode!, cancellationToken);
        stock.Receive(location, request.Quantity!.Value, MovementType.Receipt, null, request.Reference);
        await session.CompleteAsync([stock], "Receipt", request.Reference, cancellationToken);
        return StockMapping.Response(stock);
    }
}
