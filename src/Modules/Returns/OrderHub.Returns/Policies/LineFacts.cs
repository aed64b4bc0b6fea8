namespace OrderHub.Returns.Policies;

/// <summary>What the policy needs to know about one order line.</summary>
internal sealed record LineFacts(
    Guid OrderLineId,
    string Sku,
    int Quantity,
    int ShippedQuantity,
    decimal UnitPrice,
    int AlreadyOnReturns,
    string? Category,
    bool CatalogueReturnable);
