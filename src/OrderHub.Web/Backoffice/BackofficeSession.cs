using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Platform.Contracts;

namespace OrderHub.Web.Backoffice;

/// <summary>
/// The staff session of the back office: a staff or admin API key, checked once at sign-in by the Platform module,
/// then an encrypted http-only cookie carrying the key's identity and its verifier (never the key). Every request
/// asks the Platform module again whether the key still stands, so a revoked key ends the session on the next page.
/// The claims are those the API-key scheme gives, so the modules' own access rules see the same caller.
/// </summary>
public static class BackofficeSession
{
    /// <summary>Pages of the back office require a signed-in staff or admin key (the API's Staff policy).</summary>
    public const string Policy = "backoffice";

    public const string SignInPath = "/backoffice/sign-in";

    private const string VerifierClaim = "orderhub:key_verifier";

    internal static IServiceCollection AddBackofficeSession(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie(BackofficeDefaults.SchemeName, o =>
            {
                o.Cookie.Name = "orderhub_backoffice";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The stock page's EventSource reads /api/v1/inventory/stream with this session, so the cookie covers the site.
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = SignInPath;
                o.ReturnUrlParameter = "returnUrl";
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateAsync,
                    OnRedirectToLogin = RedirectPagesOnly,
                    OnRedirectToAccessDenied = context => RedirectPagesOnly(context, StatusCodes.Status403Forbidden),
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(BackofficeDefaults.SchemeName).RequireRole(Roles.Admin, Roles.Staff));
        return services;
    }

    /// <summary>Whether a key of this role may sign in to the back office: the roles the API's Staff policy admits.</summary>
    public static bool MaySignIn(string role) => role is Roles.Admin or Roles.Staff;

    public static ClaimsPrincipal PrincipalOf(AuthenticatedApiKey key)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(OrderHubClaims.KeyId, key.Id.ToString()),
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, key.Role),
            new(VerifierClaim, key.Verifier),
        ];
        if (key.Storefront is not null)
        {
            claims.Add(new Claim(OrderHubClaims.Storefront, key.Storefront));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, BackofficeDefaults.SchemeName, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var verifier = context.Principal?.FindFirstValue(VerifierClaim);
        var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
        var key = verifier is null ? null : await mediator.Send(new VerifyApiKeyQuery(verifier), context.HttpContext.RequestAborted);
        if (key is null || !MaySignIn(key.Role))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(BackofficeDefaults.SchemeName);
        }
    }

    /// <summary>
    /// Pages redirect to the sign-in form; an API route that also takes the session (the stock stream) answers a plain
    /// status instead, and leaves a response the API-key scheme already wrote alone.
    /// </summary>
    private static Task RedirectPagesOnly(RedirectContext<CookieAuthenticationOptions> context) =>
        RedirectPagesOnly(context, StatusCodes.Status401Unauthorized);

    private static Task RedirectPagesOnly(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        if (context.Request.Path.StartsWithSegments("/backoffice"))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = apiStatus;
        }

        return Task.CompletedTask;
    }
}
