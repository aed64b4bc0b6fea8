using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns;

/// <summary>
/// Authenticates a customer's portal token: the <c>X-Portal-Token</c> header or, outside <c>/api</c>, the hosted portal's
/// session cookie (<see cref="CustomerPortal.CookieName"/>). The API never takes the cookie, so a page a customer has open
/// can never lend its session to a cross-site API call. The ticket names the order the session was opened for, the
/// customer's email and that order's storefront, which together bound what the session may see (<see cref="ReturnsAccess"/>).
/// </summary>
internal sealed class PortalTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IServiceProvider services,
    TimeProvider clock,
    ProblemWriter problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = CustomerPortal.AuthenticationScheme;
    public const string HeaderName = "X-Portal-Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(token) && !Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            token = Request.Cookies[CustomerPortal.CookieName] ?? string.Empty;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = PortalSession.HashOf(token.Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        // Resolved only when a token is presented: API-key requests on the same routes never build this context.
        var db = services.GetRequiredService<ReturnsDbContext>();
        var session = await db.PortalSessions.AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash && s.ExpiresAt > now, Context.RequestAborted);
        if (session is null)
        {
            return AuthenticateResult.Fail("Unknown or expired portal token.");
        }

        var storefront = await db.Orders.AsNoTracking().Where(o => o.Id == session.OrderId).Select(o => o.Storefront).SingleOrDefaultAsync(Context.RequestAborted);

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, session.Email),
                new Claim(ClaimTypes.Email, session.Email),
                new Claim(ClaimTypes.Role, ReturnsAccess.CustomerRole),
                new Claim(ReturnsAccess.OrderClaim, session.OrderId.ToString()),
                new Claim(ReturnsAccess.StorefrontClaim, storefront ?? string.Empty),
            ],
            SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Response.HasStarted || string.IsNullOrWhiteSpace(Request.Headers[HeaderName]) || Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName)
            ? Task.CompletedTask
            : problems.WriteAsync(Context, 401, "Unauthorized",
                $"The {HeaderName} is unknown or has expired; open a new session with POST /api/v1/portal/sessions.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Response.HasStarted ? Task.CompletedTask : problems.WriteAsync(Context, 403, "Forbidden", "This key or portal session may not use this route.");
}
