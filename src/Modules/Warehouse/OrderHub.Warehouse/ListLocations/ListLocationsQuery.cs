using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.ListLocations;

internal sealed record ListLocationsQuery(string WarehouseCode, PageRequest Page) : IQuery<PagedResult<LocationDto>>;
