namespace OrderHub.Orders.Contracts;

/// <summary>A pick list for one warehouse.</summary>
/// <param name="OrderIds">The orders to pick; left out, the oldest orders with units to pick in the warehouse.</param>
/// <param name="Max">At most this many orders on the list (1-200, default 25).</param>
public sealed record CreatePickListRequest(IReadOnlyList<Guid?>? OrderIds, int? Max);
