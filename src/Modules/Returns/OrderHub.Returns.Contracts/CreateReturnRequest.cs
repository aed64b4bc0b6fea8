namespace OrderHub.Returns.Contracts;

/// <summary>A customer's return request.</summary>
public sealed record CreateReturnRequest(Guid? OrderId, IReadOnlyList<ReturnLineRequest>? Lines, ReturnResolution? Resolution, string? ExchangeSku);
