namespace OrderHub.Returns.Contracts;

/// <summary>Order number and email open a customer's self-service session.</summary>
public sealed record PortalSessionRequest(string? OrderNumber, string? Email);
