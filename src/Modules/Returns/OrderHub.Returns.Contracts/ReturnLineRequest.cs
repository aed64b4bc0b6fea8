namespace OrderHub.Returns.Contracts;

/// <summary>A line of a return request.</summary>
public sealed record ReturnLineRequest(Guid? OrderLineId, int? Quantity, ReturnReason? ReasonCode, string? Comment);
