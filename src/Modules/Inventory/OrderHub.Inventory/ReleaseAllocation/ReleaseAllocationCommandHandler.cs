using MediatR;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ReleaseAllocation;

internal sealed class ReleaseAllocationCommandHandler(StockSession session) : IRequestHandler<ReleaseAllocationCommand, bool>
{
    public async Task<bool> Handle(ReleaseAllocationCommand request, CancellationToken cancellationToken)
    {
        await session.ChangeAllocatedAsync(request.Reference, request.Allocations, request.Actor, "Release",
            (stock, allocation) => stock.ReleaseAt(request.Reference, allocation.LocationCode, allocation.Quantity), cancellationToken);
        return true;
    }
}
