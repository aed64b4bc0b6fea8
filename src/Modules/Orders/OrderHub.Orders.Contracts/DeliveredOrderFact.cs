namespace OrderHub.Orders.Contracts;

/// <summary>A delivered order as read models see it; <paramref name="Sequence"/> is the paging key.</summary>
public sealed record DeliveredOrderFact(
    long Sequence,
    Guid OrderId,
    string? Storefront,
    string CustomerEmail,
    string? Segment,
    DateTime DeliveredAt,
    IReadOnlyList<DeliveredOrderLineFact> Lines);
