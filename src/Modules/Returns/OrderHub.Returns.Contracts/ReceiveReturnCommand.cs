using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// The dock scan of a return parcel (<c>POST /api/v1/returns/receipts</c>), by RMA number, a tag's EPC or the label's
/// tracking number (exactly one); staff only. A second scan of the same RMA is a conflict.
/// </summary>
public sealed record ReceiveReturnCommand(string? RmaNumber, string? WarehouseCode, string? Epc = null, string? TrackingNumber = null) : ICommand<ReturnDto>;
