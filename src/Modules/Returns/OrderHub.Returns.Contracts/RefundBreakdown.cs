using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>Money owed to the customer after fees.</summary>
public sealed record RefundBreakdown(
    [property: Money] decimal ItemsValue,
    [property: Money] decimal RestockingFee,
    [property: Money] decimal ShippingFee,
    [property: Money] decimal StoreCreditBonus,
    [property: Money] decimal Total,
    string Currency);
