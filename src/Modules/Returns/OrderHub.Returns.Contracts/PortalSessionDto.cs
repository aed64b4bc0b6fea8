namespace OrderHub.Returns.Contracts;

/// <summary>A self-service token opened from one order (<c>orderId</c>) that reaches the customer's other orders in its storefront; send it as <c>X-Portal-Token</c>.</summary>
public sealed record PortalSessionDto(string Token, Guid OrderId, DateTime ExpiresAt);
