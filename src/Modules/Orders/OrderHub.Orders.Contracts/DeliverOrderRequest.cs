namespace OrderHub.Orders.Contracts;

/// <summary>Delivery confirmation; <c>deliveredAt</c> defaults to now.</summary>
public sealed record DeliverOrderRequest(DateTime? DeliveredAt);
