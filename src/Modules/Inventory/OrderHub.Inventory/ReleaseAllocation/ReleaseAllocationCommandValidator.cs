using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ReleaseAllocation;

internal sealed class ReleaseAllocationCommandValidator()
    : AllocatedStockValidator<ReleaseAllocationCommand>(x => x.Reference, x => x.Allocations);
