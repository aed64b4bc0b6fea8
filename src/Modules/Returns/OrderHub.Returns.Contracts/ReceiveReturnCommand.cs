using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>The dock scan of a return parcel (<c>POST /api/v1/returns/receipts</c>); staff only. A second scan of the same RMA is a conflict.</summary>
public sealed record ReceiveReturnCommand(string? RmaNumber, string? WarehouseCode) : ICommand<ReturnDto>;
