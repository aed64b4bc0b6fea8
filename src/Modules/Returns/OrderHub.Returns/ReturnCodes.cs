using Microsoft.EntityFrameworkCore;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns;

/// <summary>The codes printed on a return label that lead back to it: the RMA number and the tracking number.</summary>
internal static class ReturnCodes
{
    /// <summary>The RMA number a scanned RMA number or tracking number stands for; null when it is neither.</summary>
    public static string? RmaNumberOf(string? code)
    {
        var normalised = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalised))
        {
            return null;
        }

        return ReturnTrackingNumber.TryRead(normalised, out var sequenceNumber) ? ReturnRequest.FormatRmaNumber(sequenceNumber) : normalised;
    }

    /// <summary>The tracking number of a return's label; none when the customer keeps everything.</summary>
    public static string? TrackingNumberOf(ReturnRequest rma) =>
        rma.EverythingKeptByCustomer ? null : ReturnTrackingNumber.For(rma.SequenceNumber);

    public static async Task<ReturnReference?> FindAsync(this ReturnsDbContext db, string? code, CancellationToken cancellationToken)
    {
        var rmaNumber = RmaNumberOf(code);
        if (rmaNumber is null)
        {
            return null;
        }

        var found = await db.Returns.AsNoTracking()
            .Where(r => r.RmaNumber == rmaNumber)
            .Select(r => new { r.Id, r.RmaNumber, r.Status, r.SequenceNumber, KeptByCustomer = r.Lines.All(l => l.KeepIt) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new ReturnReference(found.Id, found.RmaNumber, found.Status, found.KeptByCustomer ? null : ReturnTrackingNumber.For(found.SequenceNumber));
    }
}
