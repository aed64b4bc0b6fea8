namespace OrderHub.Returns.Contracts;

/// <summary>The dock scan of a parcel.</summary>
public sealed record ReceiveReturnRequest(string? RmaNumber, string? WarehouseCode);
