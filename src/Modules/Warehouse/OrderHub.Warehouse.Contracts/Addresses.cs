using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Warehouse.Contracts;

/// <summary>A postal address; <c>country</c> is an ISO 3166-1 alpha-2 code.</summary>
public sealed record PostalAddress(string Line1, string? Line2, string City, string? Region, string PostalCode, string Country);

/// <summary>A warehouse and the address parcels are sent back to.</summary>
public sealed record WarehouseAddress(string WarehouseCode, string Name, PostalAddress Address);

/// <summary>The return-to address of a warehouse (for return labels); 404 when the warehouse is unknown.</summary>
public sealed record GetWarehouseAddressQuery(string WarehouseCode) : IQuery<WarehouseAddress>;

/// <summary>The return-to address of a warehouse, or null when no warehouse has that code (to check a code before storing it).</summary>
public sealed record FindWarehouseAddressQuery(string WarehouseCode) : IQuery<WarehouseAddress?>;
