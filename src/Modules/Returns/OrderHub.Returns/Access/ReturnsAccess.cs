using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Returns.Access;

/// <summary>
/// Who may see which orders and returns: back office and partners everything, a storefront key its own
/// storefront, a portal token its one order. Anything else is reported as not found.
/// </summary>
internal sealed class ReturnsAccess(IHttpContextAccessor accessor, ICurrentActor actor)
{
    public const string CustomerRole = "customer";
    public const string OrderClaim = "orderhub:portal_order";

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

    public IQueryable<T> Visible<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, Guid>> orderId, System.Linq.Expressions.Expression<Func<T, string?>> storefront)
    {
        if (IsCustomer)
        {
            var id = PortalOrderId ?? Guid.Empty;
            var parameter = orderId.Parameters[0];
            var body = System.Linq.Expressions.Expression.Equal(orderId.Body, System.Linq.Expressions.Expression.Constant(id));
            return query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, parameter));
        }

        if (actor.IsInRole(Roles.Storefront))
        {
            var parameter = storefront.Parameters[0];
            var body = System.Linq.Expressions.Expression.Equal(storefront.Body, System.Linq.Expressions.Expression.Constant(actor.Storefront, typeof(string)));
            return query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, parameter));
        }

        return query;
    }
}
