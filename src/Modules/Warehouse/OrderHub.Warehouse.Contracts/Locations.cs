using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Warehouse.Contracts;

/// <summary>A storage location as other modules see it.</summary>
public sealed record LocationInfo(string Code, LocationType Type, string WarehouseCode);

/// <summary>Looks locations up by code; codes that do not exist are left out of the answer.</summary>
public sealed record GetLocationsQuery(IReadOnlyList<string> Codes) : IQuery<IReadOnlyList<LocationInfo>>;
