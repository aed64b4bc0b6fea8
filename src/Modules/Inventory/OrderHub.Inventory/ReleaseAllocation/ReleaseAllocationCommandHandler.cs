using MediatR;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ReleaseAllocation;

internal sealed class ReleaseAllocationCommandHandler(StockSession session) : IRequestHandler<ReleaseAllocationCommand, bool>
{
    public async Task<bool> Handle(ReleaseAllocationCommand request, CancellationToken cancellationToken)
    {
        var stocks = await session.LockAsync(request.Allocations.Select(a => a.Sku).ToList(), request.Actor, request.Reference, cancellationToken);
        foreach (var allocation in request.Allocations)
        {
            stocks[allocation.Sku].ReleaseAt(request.Reference, allocation.LocationCode, allocation.Quantity);
        }

        await session.CompleteAsync(stocks.Values, "Release", request.Reference, cancellationToken);
        return true;
    }
}
