namespace OrderHub.Returns.Contracts;

/// <summary>Why a request was rejected.</summary>
public sealed record RejectReturnRequest(string? Reason);
