using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ReceiveReturn;

internal sealed record ReceiveReturnCommand(string? RmaNumber, string? WarehouseCode, string? Epc = null, string? TrackingNumber = null) : ICommand<ReturnDto>;
