namespace OrderHub.Returns.Contracts;

/// <summary>
/// A customer's return request. <c>orderId</c> may be left out when every line names its own order: one RMA then
/// returns items of several orders of the same customer.
/// </summary>
public sealed record CreateReturnRequest(Guid? OrderId, IReadOnlyList<ReturnLineRequest>? Lines, ReturnResolution? Resolution, string? ExchangeSku);
