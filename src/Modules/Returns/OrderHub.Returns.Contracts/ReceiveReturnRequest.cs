namespace OrderHub.Returns.Contracts;

/// <summary>The dock scan of a parcel: exactly one of the RMA number, an item's RFID EPC or the label's tracking number.</summary>
/// <param name="RmaNumber">The RMA number on the label.</param>
/// <param name="WarehouseCode">Where the parcel arrived; default the return warehouse of the policy.</param>
/// <param name="Epc">An SGTIN-96 EPC (24 hexadecimal digits) read from an item in the parcel: the one open return awaiting that item's SKU.</param>
/// <param name="TrackingNumber">The tracking number printed on the return label.</param>
public sealed record ReceiveReturnRequest(string? RmaNumber, string? WarehouseCode, string? Epc = null, string? TrackingNumber = null);
