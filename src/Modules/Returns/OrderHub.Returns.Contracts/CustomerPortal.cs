namespace OrderHub.Returns.Contracts;

/// <summary>
/// How the hosted returns portal carries a customer's portal session: the token of <see cref="OpenCustomerPortalCommand"/>
/// in an http-only, SameSite=Strict cookie, which the Returns module authenticates (outside <c>/api</c> only) as it
/// does the <c>X-Portal-Token</c> header: opened from one order, it reaches that customer's orders in the order's storefront.
/// </summary>
public static class CustomerPortal
{
    public const string AuthenticationScheme = "PortalToken";
    public const string CookieName = "orderhub_portal";

    /// <summary>The claim of an authenticated portal session that names the order it was opened from (a GUID).</summary>
    public const string OrderClaim = "orderhub:portal_order";
}
