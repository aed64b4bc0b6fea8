using OrderHub.BuildingBlocks.Application;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.GetWarehouse;

internal sealed record GetWarehouseQuery(string Code) : IQuery<WarehouseDto>;
