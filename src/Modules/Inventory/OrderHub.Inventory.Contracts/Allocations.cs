using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Inventory.Contracts;

/// <summary>Units of a SKU reserved for a reference in one location of one warehouse.</summary>
public sealed record StockAllocation(string Sku, string WarehouseCode, string LocationCode, int Quantity);

/// <summary>Outcome of an allocation: where every unit is reserved, or nothing and the shortages.</summary>
public sealed record AllocationResult(bool Succeeded, IReadOnlyList<StockShortage> Shortages, IReadOnlyList<StockAllocation> Allocations);

/// <summary>
/// Reserves every line for <paramref name="Reference"/> like <see cref="ReserveStockCommand"/>, choosing the locations by
/// the allocation rules (ADR 0026): the fewest warehouses that can ship everything, then warehouse priority, then a
/// warehouse in <paramref name="ShipToCountry"/>; a SKU splits across warehouses only when no chosen one holds it all.
/// Answers where each unit is reserved. Joins the caller's unit of work.
/// </summary>
public sealed record AllocateStockCommand(string Reference, IReadOnlyList<StockLine> Lines, string? ShipToCountry, string Actor) : ICommand<AllocationResult>;

/// <summary>Releases exactly these allocated units, location by location; 409 when a location holds fewer for the reference.</summary>
public sealed record ReleaseAllocationCommand(string Reference, IReadOnlyList<StockAllocation> Allocations, string Actor) : ICommand<bool>;

/// <summary>Ships exactly these allocated units: reserved and on-hand drop in each named location; 409 when it holds fewer.</summary>
public sealed record ShipAllocationCommand(string Reference, IReadOnlyList<StockAllocation> Allocations, string Actor) : ICommand<bool>;
