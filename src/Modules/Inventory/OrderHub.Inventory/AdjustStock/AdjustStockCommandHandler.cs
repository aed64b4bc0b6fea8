using MediatR;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;

namespace OrderHub.Inventory.AdjustStock;

internal sealed class AdjustStockCommandHandler(StockSession session) : IRequestHandler<AdjustStockCommand, StockChangeResponse>
{
    public async Task<StockChangeResponse> Handle(AdjustStockCommand request, CancellationToken cancellationToken)
    {
        var stock = await session.LockAsync(request.Sku!, request.Actor, cancellationToken);
        var location = await session.LocationAsync(request.LocationCode!, cancellationToken);
        stock.Adjust(location, request.QuantityDelta!.Value, Enum.Parse<AdjustmentReason>(request.Reason!, ignoreCase: true));
        await session.CompleteAsync([stock], "Adjustment", null, cancellationToken);
        return StockMapping.Response(stock);
    }
}
