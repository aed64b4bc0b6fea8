namespace OrderHub.Returns.Policies;

/// <summary>The money side of a request; <see cref="LineRestockingFees"/> holds each order line's share of <see cref="RestockingFee"/>.</summary>
internal sealed record RefundQuote(
    decimal ItemsValue,
    decimal RestockingFee,
    decimal ShippingFee,
    decimal StoreCreditBonus,
    decimal Total,
    IReadOnlySet<Guid> KeepItLines,
    IReadOnlyDictionary<Guid, decimal> LineRestockingFees);
