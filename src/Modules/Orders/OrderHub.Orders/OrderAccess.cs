using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Domain;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders;

/// <summary>
/// Which orders the caller may see: a storefront key sees only its storefront's orders, and any other
/// order is reported as not found rather than forbidden, so order ids cannot be probed.
/// </summary>
internal static class OrderAccess
{
    public static IQueryable<Order> Visible(this IQueryable<Order> orders, ICurrentActor actor) =>
        actor.IsInRole(Roles.Storefront)
            ? orders.Where(o => o.Storefront == actor.Storefront)
            : orders;

    /// <summary>Loads the whole aggregate for a change, or 404.</summary>
    public static async Task<Order> LoadForChangeAsync(this OrdersDbContext db, Guid id, ICurrentActor actor, CancellationToken cancellationToken) =>
        await db.Orders
            .Include(o => o.Lines)
            .Include(o => o.Shipments).ThenInclude(s => s.Lines)
            .Include(o => o.Timeline)
            .Include(o => o.Allocations)
            .AsSplitQuery()
            .Visible(actor)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw new NotFoundException("Order", id);
}
