using MediatR;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ShipAllocation;

internal sealed class ShipAllocationCommandHandler(StockSession session) : IRequestHandler<ShipAllocationCommand, bool>
{
    public async Task<bool> Handle(ShipAllocationCommand request, CancellationToken cancellationToken)
    {
        var stocks = await session.LockAsync(request.Allocations.Select(a => a.Sku).ToList(), request.Actor, request.Reference, cancellationToken);
        foreach (var allocation in request.Allocations)
        {
            stocks[allocation.Sku].ConsumeAt(request.Reference, allocation.LocationCode, allocation.Quantity);
        }

        await session.CompleteAsync(stocks.Values, "Shipment", request.Reference, cancellationToken);
        return true;
    }
}
