using OrderHub.BuildingBlocks.Application;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.ScanCode;

internal sealed record ScanCodeQuery(string Code) : IQuery<ScanResultDto>;
