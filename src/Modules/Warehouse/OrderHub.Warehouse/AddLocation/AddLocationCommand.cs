using OrderHub.BuildingBlocks.Application;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.AddLocation;

internal sealed record AddLocationCommand(string WarehouseCode, string? Code, string? Type, string? Sku) : ICommand<LocationDto>;
