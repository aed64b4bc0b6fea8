using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OrderHub.Returns.Contracts;

namespace OrderHub.Web.Portal;

/// <summary>
/// The customer's portal session in the browser: the token of <see cref="OpenCustomerPortalCommand"/> in an
/// http-only, SameSite=Strict cookie scoped to <c>/returns</c>, authenticated by the Returns module for its one order.
/// </summary>
internal static class PortalSessionCookie
{
    private const string Path = "/returns";

    public static void Issue(HttpContext http, PortalSessionDto session) =>
        http.Response.Cookies.Append(CustomerPortal.CookieName, session.Token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = Path,
            Expires = DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc),
            IsEssential = true,
        });

    public static void End(HttpContext http) =>
        http.Response.Cookies.Delete(CustomerPortal.CookieName, new CookieOptions { Path = Path, HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps });

    /// <summary>
    /// Makes the request's portal session, when it has a valid one, the request's user, before anything else
    /// of the page runs: the modules then show it its one order, and the anti-forgery tokens of its forms are
    /// issued and checked for the same user.
    /// </summary>
    public static async Task AuthenticateAsync(HttpContext http)
    {
        if (!http.Request.Cookies.ContainsKey(CustomerPortal.CookieName))
        {
            return;
        }

        var result = await http.AuthenticateAsync(CustomerPortal.AuthenticationScheme);
        if (result.Succeeded)
        {
            http.User = result.Principal;
        }
    }

    /// <summary>The order of the request's portal session; null without a valid session.</summary>
    public static Guid? OrderOf(HttpContext http) =>
        http.User.Identity?.AuthenticationType == CustomerPortal.AuthenticationScheme
        && Guid.TryParse(http.User.FindFirstValue(CustomerPortal.OrderClaim), out var orderId)
            ? orderId
            : null;

    /// <summary>Sets the request's user back to nobody: what a signed link opens must not depend on a session.</summary>
    public static void Forget(HttpContext http) => http.User = new ClaimsPrincipal(new ClaimsIdentity());
}
