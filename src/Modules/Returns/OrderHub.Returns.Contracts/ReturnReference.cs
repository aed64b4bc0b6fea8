namespace OrderHub.Returns.Contracts;

/// <summary>A return as a scan identifies it: by its RMA number or by the tracking number on its label.</summary>
public sealed record ReturnReference(Guid ReturnId, string RmaNumber, ReturnStatus Status, string? TrackingNumber);
