using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;

namespace OrderHub.Returns;

/// <summary>
/// Who may see which orders and returns: back office and partners everything, a storefront key its own
/// storefront, a portal token its one order. Anything else is reported as not found.
/// </summary>
internal sealed class ReturnsAccess(IHttpContextAccessor accessor, ICurrentActor actor)
{
    public const string CustomerRole = "customer";
    public const string OrderClaim = CustomerPortal.OrderClaim;

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsCustomer => User?.IsInRole(CustomerRole) == true;

    public Guid? PortalOrderId => Guid.TryParse(User?.FindFirstValue(OrderClaim), out var id) ? id : null;

    public string ActorName => IsCustomer ? $"customer:{User?.FindFirstValue(ClaimTypes.Email)}" : actor.Name;

    public bool CanSee(Guid orderId, string? storefront) =>
        IsCustomer ? PortalOrderId == orderId
        : actor.IsInRole(Roles.Storefront) ? storefront == actor.Storefront
        : true;

    public void EnsureVisible(string resource, object key, Guid orderId, string? storefront)
    {
        if (!CanSee(orderId, storefront))
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
            return returns.Where(r => r.OrderId == orderId);
        }

        if (actor.IsInRole(Roles.Storefront))
        {
            var storefront = actor.Storefront;
            return returns.Where(r => r.Storefront == storefront);
        }

        return returns;
    }
}
