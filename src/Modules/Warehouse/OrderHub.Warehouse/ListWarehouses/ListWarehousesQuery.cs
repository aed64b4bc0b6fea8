using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.ListWarehouses;

internal sealed record ListWarehousesQuery(PageRequest Page) : IQuery<PagedResult<WarehouseDto>>;
