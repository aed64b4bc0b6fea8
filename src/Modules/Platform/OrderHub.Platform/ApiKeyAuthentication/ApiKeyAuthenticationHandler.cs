using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Platform.Domain;

namespace OrderHub.Platform.ApiKeyAuthentication;

/// <summary>Authenticates <c>X-Api-Key</c> against the stored key hashes and the bootstrap admin key.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier,
    ProblemWriter problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = ApiKeyDefaults.SchemeName;
    public const string HeaderName = ApiKeyDefaults.HeaderName;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await verifier.VerifyHashAsync(ApiKey.HashOf(values.ToString().Trim()), Context.RequestAborted);

        if (identity is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, identity.Id.ToString()),
            new(OrderHubClaims.KeyId, identity.Id.ToString()),
            new(ClaimTypes.Name, identity.Name),
            new(ClaimTypes.Role, identity.Role),
        ];
        if (identity.Storefront is not null)
        {
            claims.Add(new Claim(OrderHubClaims.Storefront, identity.Storefront));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Response.HasStarted)
        {
            // Another scheme of a multi-scheme route already answered.
            return Task.CompletedTask;
        }

        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        var detail = Request.Headers.ContainsKey(HeaderName)
            ? "The API key is unknown or has been revoked."
            : $"This route needs an API key in the {HeaderName} header.";
        return problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Response.HasStarted ? Task.CompletedTask : problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "This API key's role may not use this route.");
}
