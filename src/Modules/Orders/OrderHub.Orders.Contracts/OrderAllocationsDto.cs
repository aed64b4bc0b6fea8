namespace OrderHub.Orders.Contracts;

/// <summary>Where an order's stock is reserved, per line.</summary>
public sealed record OrderAllocationsDto(Guid OrderId, IReadOnlyList<OrderLineAllocationsDto> Lines);

/// <summary>An order line and the locations its units are allocated to; empty for orders placed before allocation.</summary>
public sealed record OrderLineAllocationsDto(Guid OrderLineId, string Sku, int Quantity, IReadOnlyList<AllocationDto> Allocations);

/// <summary>
/// Units of a line allocated to one location: <c>quantity</c> will ship (or has shipped) from there,
/// <c>shippedQuantity</c> has; the difference is still reserved there.
/// </summary>
public sealed record AllocationDto(string WarehouseCode, string LocationCode, int Quantity, int ShippedQuantity);
