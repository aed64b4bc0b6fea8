namespace OrderHub.Orders.Domain;

/// <summary>Allocated units of an order line in one location that no list holds yet: what a new pick list may take.</summary>
internal sealed record PickCandidate(Guid OrderId, long OrderSequence, Guid OrderLineId, string Sku, string LocationCode, int Quantity);
