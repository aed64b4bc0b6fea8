using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.ScanPick;

internal sealed record ScanPickCommand(Guid PickListId, ScanPickRequest Request) : ICommand<PickScanResultDto>;
