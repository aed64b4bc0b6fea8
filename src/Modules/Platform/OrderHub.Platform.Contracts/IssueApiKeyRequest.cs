namespace OrderHub.Platform.Contracts;

/// <summary>Request to issue an API key.</summary>
/// <param name="Name">Who or what uses the key, e.g. <c>shop-eu storefront</c>.</param>
/// <param name="Role"><c>admin</c>, <c>staff</c>, <c>storefront</c> or <c>partner</c>.</param>
/// <param name="Storefront">Storefront code; required for and only allowed with the <c>storefront</c> role.</param>
public sealed record IssueApiKeyRequest(string? Name, string? Role, string? Storefront);
