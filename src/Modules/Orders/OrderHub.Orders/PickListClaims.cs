using Microsoft.EntityFrameworkCore;
using OrderHub.Orders.Domain;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders;

/// <summary>
/// What shipping, short-shipping and cancelling do to pick lists (ADR 0030): the order's lines on lists that the change
/// touched end in the same transaction, so a list never asks for units that shipped or will not ship.
/// </summary>
internal static class PickListClaims
{
    /// <summary>Ends the order's pick list lines (not yet ended) that <paramref name="which"/> names; one indexed read when there are none.</summary>
    public static async Task EndPickLinesAsync(this OrdersDbContext db, Guid orderId, Func<PickListLine, bool> which, DateTime now, CancellationToken cancellationToken)
    {
        var listIds = await db.PickListLines
            .Where(l => l.OrderId == orderId && !l.Ended)
            .Select(l => l.PickListId)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (listIds.Count == 0)
        {
            return;
        }

        var lists = await db.PickLists.Include(p => p.Lines).Where(p => listIds.Contains(p.Id)).ToListAsync(cancellationToken);
        foreach (var list in lists)
        {
            list.End(l => l.OrderId == orderId && which(l), now);
        }
    }
}
