using OrderHub.Platform.Contracts;

namespace OrderHub.Platform.ApiKeyAuthentication;

/// <summary>What a verified key authenticates as.</summary>
internal sealed record KeyIdentity(Guid Id, string Name, string Role, string? Storefront)
{
    public AuthenticatedApiKey ToAuthenticated(string hash) => new(Id, Name, Role, Storefront, hash);
}
