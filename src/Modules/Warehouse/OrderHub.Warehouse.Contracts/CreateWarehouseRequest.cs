namespace OrderHub.Warehouse.Contracts;

/// <summary>A new warehouse.</summary>
/// <param name="Code">Unique warehouse code, e.g. <c>AMS1</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Address">Where the warehouse is; also the return-to address printed on return labels.</param>
public sealed record CreateWarehouseRequest(string? Code, string? Name, PostalAddress? Address);
