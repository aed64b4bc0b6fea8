using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.CreatePickList;

internal sealed record CreatePickListCommand(string WarehouseCode, CreatePickListRequest Request) : ICommand<PickListDto>;
