namespace OrderHub.Platform.Contracts;

/// <summary>An API key as listed, without its secret.</summary>
public sealed record ApiKeySummary(Guid Id, string Name, string Role, string? Storefront, string Prefix, DateTime CreatedAt, DateTime? RevokedAt);
