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

    /// <summary>
    /// Loads the whole aggregate for a change, or 404. On PostgreSQL the order's row is locked first: every change takes
    /// its order before any SKU row (shipping, short-shipping and cancelling then lock stock), the order that making a
    /// pick list of several orders follows too, so a shipment holding a SKU can never wait for an order a pick list holds
    /// while that list waits for an order whose shipment waits for the SKU.
    /// </summary>
    public static async Task<Order> LoadForChangeAsync(this OrdersDbContext db, Guid id, ICurrentActor actor, CancellationToken cancellationToken)
    {
        await db.LockOrdersAsync([id], cancellationToken);
        return await db.Orders
            .Include(o => o.Lines)
            .Include(o => o.Shipments).ThenInclude(s => s.Lines)
            .Include(o => o.Timeline)
            .Include(o => o.Allocations)
            .AsSplitQuery()
            .Visible(actor)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException("Order", id);
    }
}
