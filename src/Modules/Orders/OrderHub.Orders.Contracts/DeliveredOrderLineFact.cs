namespace OrderHub.Orders.Contracts;

/// <summary>A SKU of a delivered order and how many units of it were delivered.</summary>
public sealed record DeliveredOrderLineFact(string Sku, int Quantity);
