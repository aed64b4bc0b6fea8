namespace OrderHub.Returns.Policies;

/// <summary>The money side of a request.</summary>
internal sealed record RefundQuote(decimal ItemsValue, decimal RestockingFee, decimal ShippingFee, decimal StoreCreditBonus, decimal Total, IReadOnlySet<Guid> KeepItLines);
