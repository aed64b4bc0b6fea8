using MediatR;
using OrderHub.Inventory.Contracts;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.PutAwayReturn;

internal sealed class PutAwayReturnCommandHandler(StockSession session) : IRequestHandler<PutAwayReturnCommand, StockPlacement>
{
    public async Task<StockPlacement> Handle(PutAwayReturnCommand request, CancellationToken cancellationToken)
    {
        var stock = await session.LockAsync(request.Sku, request.Actor, cancellationToken);
        var from = await session.PutawayLocationAsync(request.Sku, request.WarehouseCode, PutawayPurpose.ReceivedReturn, cancellationToken);
        var to = await session.PutawayLocationAsync(request.Sku, request.WarehouseCode, request.Purpose, cancellationToken);
        stock.Move(from, to, request.Quantity, MovementType.PutawayOut, MovementType.PutawayIn, request.Purpose.ToString(), request.Reference);
        await session.CompleteAsync([stock], "ReturnPutaway", request.Reference, cancellationToken);
        return new StockPlacement(request.Sku, request.Quantity, to.Code, to.Type);
    }
}
