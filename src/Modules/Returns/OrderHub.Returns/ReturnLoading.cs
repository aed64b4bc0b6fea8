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

    /// <summary>
    /// The return a scanned RMA number or tracking number leads to, loaded for a change in the same round trip that
    /// finds it; 404 naming the code when it leads to none.
    /// </summary>
    public static async Task<ReturnRequest> LoadForChangeByCodeAsync(this ReturnsDbContext db, string? code, ReturnsAccess access, CancellationToken cancellationToken)
    {
        var rmaNumber = ReturnCodes.RmaNumberOf(code);
        var rma = (rmaNumber is null ? null : await db.Returns.ForChange().SingleOrDefaultAsync(r => r.RmaNumber == rmaNumber, cancellationToken))
            ?? throw new NotFoundException("Return", code?.Trim().ToUpperInvariant() ?? "");
        access.EnsureVisible("Return", rma.Id, rma.OrderId, rma.Storefront, rma.CustomerEmail);
        return rma;
    }
}
