namespace OrderHub.Orders.Contracts;

/// <summary>An order in a list.</summary>
public sealed record OrderSummaryDto(Guid Id, string Number, OrderStatus Status, string? Storefront, string CustomerEmail, string Currency, DateTime CreatedAt, DateTime? DeliveredAt);
