using OrderHub.BuildingBlocks.Application;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.CreateWarehouse;

internal sealed record CreateWarehouseCommand(string? Code, string? Name, PostalAddress? Address) : ICommand<WarehouseDto>;
