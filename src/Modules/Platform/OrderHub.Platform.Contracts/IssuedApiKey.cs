namespace OrderHub.Platform.Contracts;

/// <summary>A freshly issued key. <c>key</c> is shown only in this response.</summary>
public sealed record IssuedApiKey(Guid Id, string Name, string Role, string? Storefront, string Key, string Prefix, DateTime CreatedAt);
