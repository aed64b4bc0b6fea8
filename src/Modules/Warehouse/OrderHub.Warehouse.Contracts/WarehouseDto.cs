namespace OrderHub.Warehouse.Contracts;

/// <summary>A warehouse.</summary>
public sealed record WarehouseDto(string Code, string Name, PostalAddress Address, DateTime CreatedAt);
