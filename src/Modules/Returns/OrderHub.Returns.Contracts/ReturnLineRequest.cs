namespace OrderHub.Returns.Contracts;

/// <summary>
/// A line of a return request. <c>orderId</c> names the line's own order in a request that returns items of several
/// orders at once; without it the line belongs to the request's <c>orderId</c>.
/// </summary>
public sealed record ReturnLineRequest(Guid? OrderLineId, int? Quantity, ReturnReason? ReasonCode, string? Comment, Guid? OrderId = null);
