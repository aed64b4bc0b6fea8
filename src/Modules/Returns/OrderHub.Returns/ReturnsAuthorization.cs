using Microsoft.AspNetCore.Authorization;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Returns;

/// <summary>Who may read and create returns: API keys by role, and customers through their portal token.</summary>
internal static class ReturnsAuthorization
{
    /// <summary>Any API key, or a customer's portal token for its own order.</summary>
    public const string ReadPolicy = "returns-read";

    /// <summary>Staff, a storefront for its own orders, or a customer's portal token.</summary>
    public const string CreatePolicy = "returns-create";

    /// <summary>A customer's portal token only: what the session's customer may return.</summary>
    public const string PortalPolicy = "returns-portal";

    public static void AddPolicies(AuthorizationOptions options)
    {
        // The portal scheme comes first so that a customer whose token is refused hears about the token, not
        // about an API key it never had; without a token it leaves the answer to the API-key scheme.
        string[] schemes = [PortalTokenAuthenticationHandler.SchemeName, ApiKeyDefaults.SchemeName];
        options.AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(schemes).RequireRole([.. Roles.All, ReturnsAccess.CustomerRole]));
        options.AddPolicy(PortalPolicy, p => p.AddAuthenticationSchemes(schemes).RequireRole(ReturnsAccess.CustomerRole));
        options.AddPolicy(CreatePolicy, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Admin, Roles.Staff, Roles.Storefront, ReturnsAccess.CustomerRole));
    }
}
