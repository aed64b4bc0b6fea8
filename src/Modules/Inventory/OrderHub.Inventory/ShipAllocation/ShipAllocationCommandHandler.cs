using MediatR;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ShipAllocation;

internal sealed class ShipAllocationCommandHandler(StockSession session) : IRequestHandler<ShipAllocationCommand, bool>
{
    public async Task<bool> Handle(ShipAllocationCommand request, CancellationToken cancellationToken)
    {
        await session.ChangeAllocatedAsync(request.Reference, request.Allocations, request.Actor, "Shipment",
            (stock, allocation) => stock.ConsumeAt(request.Reference, allocation.LocationCode, allocation.Quantity), cancellationToken);
        return true;
    }
}
