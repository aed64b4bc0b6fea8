using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns;

internal static class ReturnLoading
{
    /// <summary>
    /// Returns with what a change needs, their lines and timeline, in one round trip: an RMA has a handful of
    /// each, so their product stays small.
    /// </summary>
    public static IQueryable<ReturnRequest> ForChange(this DbSet<ReturnRequest> returns) =>
        returns.Include(r => r.Lines).Include(r => r.Timeline).AsSingleQuery();

    public static async Task<ReturnRequest> LoadForChangeAsync(this ReturnsDbContext db, Guid id, ReturnsAccess access, int? expectedVersion, CancellationToken cancellationToken)
    {
        var rma = await db.Returns.ForChange().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Return", id);
        access.EnsureVisible("Return", id, rma.OrderId, rma.Storefront, rma.CustomerEmail);
        ETags.Check(expectedVersion, rma.Version);
        return rma;
    }
}
