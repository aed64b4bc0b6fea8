namespace OrderHub.Returns.Contracts;

/// <summary>A self-service token for one order; send it as <c>X-Portal-Token</c>.</summary>
public sealed record PortalSessionDto(string Token, Guid OrderId, DateTime ExpiresAt);
