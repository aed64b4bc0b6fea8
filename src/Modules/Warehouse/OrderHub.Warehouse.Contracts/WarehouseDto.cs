namespace OrderHub.Warehouse.Contracts;

/// <summary>A warehouse.</summary>
/// <param name="Code">Unique warehouse code.</param>
/// <param name="Name">Display name.</param>
/// <param name="Address">Where the warehouse is; also the return-to address.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Priority">Allocation prefers lower values when several warehouses can ship an order equally well (default 100).</param>
public sealed record WarehouseDto(string Code, string Name, PostalAddress Address, DateTime CreatedAt, int Priority);
