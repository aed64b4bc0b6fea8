namespace OrderHub.Warehouse.Contracts;

/// <summary>A storage location.</summary>
public sealed record LocationDto(string Code, LocationType Type, string WarehouseCode, string? Sku, DateTime CreatedAt);
