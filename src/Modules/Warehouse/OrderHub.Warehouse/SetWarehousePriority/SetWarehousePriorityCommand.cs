using OrderHub.BuildingBlocks.Application;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.SetWarehousePriority;

internal sealed record SetWarehousePriorityCommand(string WarehouseCode, int? Priority) : ICommand<WarehouseDto>;
