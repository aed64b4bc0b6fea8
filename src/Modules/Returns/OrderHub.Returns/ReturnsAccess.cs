using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;

namespace OrderHub.Returns;

/// <summary>
/// Who may see which orders and returns: back office and partners everything, a storefront key its own
/// storefront, a portal token the orders of its customer (the email it was opened with) in the storefront of the
/// order it was opened from. Anything else is reported as not found.
/// </summary>
internal sealed class ReturnsAccess(IHttpContextAccessor accessor, ICurrentActor actor)
{
    public const string CustomerRole = "customer";
    public const string OrderClaim = CustomerPortal.OrderClaim;
    public const string StorefrontClaim = "orderhub:portal_storefront";

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsCustomer => User?.IsInRole(CustomerRole) == true;

    public Guid? PortalOrderId => Guid.TryParse(User?.FindFirstValue(OrderClaim), out var id) ? id : null;

    /// <summary>The customer a portal session belongs to; null for API keys.</summary>
    public string? PortalEmail => IsCustomer ? User?.FindFirstValue(ClaimTypes.Email) : null;

    /// <summary>The storefront of the order a portal session was opened from; null when that order has none.</summary>
    public string? PortalStorefront => IsCustomer && User?.FindFirstValue(StorefrontClaim) is { Length: > 0 } storefront ? storefront : null;

    public string ActorName => IsCustomer ? $"customer:{User?.FindFirstValue(ClaimTypes.Email)}" : actor.Name;

    public bool CanSee(Guid orderId, string? storefront, string customerEmail) =>
        IsCustomer ? PortalOrderId == orderId || (PortalEmail is { } email && string.Equals(customerEmail, email, StringComparison.OrdinalIgnoreCase) && storefront == PortalStorefront)
        : actor.IsInRole(Roles.Storefront) ? storefront == actor.Storefront
        : true;

    public void EnsureVisible(string resource, object key, Guid orderId, string? storefront, string customerEmail)
    {
        if (!CanSee(orderId, storefront, customerEmail))
        {
            throw new NotFoundException(resource, key);
        }
    }

    /// <summary>The returns the caller may list.</summary>
    public IQueryable<ReturnRequest> Visible(IQueryable<ReturnRequest> returns)
    {
        if (IsCustomer)
        {
            var orderId = PortalOrderId ?? Guid.Empty;
            var email = PortalEmail ?? string.Empty;
            var storefront = PortalStorefront;
            return returns.Where(r => r.OrderId == orderId || (r.CustomerEmail == email && r.Storefront == storefront));
        }

        if (actor.IsInRole(Roles.Storefront))
        {
            var storefront = actor.Storefront;
            return returns.Where(r => r.Storefront == storefront);
        }

        return returns;
    }
}
