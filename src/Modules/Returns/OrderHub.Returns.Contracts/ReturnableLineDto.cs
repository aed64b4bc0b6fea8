namespace OrderHub.Returns.Contracts;

/// <summary>Whether and how much of an order line can still be returned, and why not when it cannot.</summary>
public sealed record ReturnableLineDto(Guid OrderLineId, string Sku, int OrderedQuantity, int ShippedQuantity, int ReturnableQuantity, DateTime? Deadline, bool Eligible, IReadOnlyList<string> Reasons);
