using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ShipAllocation;

internal sealed class ShipAllocationCommandValidator()
    : AllocatedStockValidator<ShipAllocationCommand>(x => x.Reference, x => x.Allocations);
