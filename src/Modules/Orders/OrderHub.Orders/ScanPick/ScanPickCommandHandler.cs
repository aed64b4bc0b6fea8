using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Scanning;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.ScanPick;

/// <summary>
/// Resolves the scanned code to SKUs (GS1 rules as at the scanning station, ADR 0027), then picks under the list's row
/// lock (PostgreSQL), so scans of one line take turns and the second sees what the first picked; the list's version
/// guards the rest.
/// </summary>
internal sealed class ScanPickCommandHandler(OrdersDbContext db, IMediator mediator, TimeProvider clock)
    : IRequestHandler<ScanPickCommand, PickScanResultDto>
{
    public async Task<PickScanResultDto> Handle(ScanPickCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var (skus, scanned, tag) = await ResolveAsync(request, cancellationToken);

        await db.LockPickListAsync(command.PickListId, cancellationToken);
        var list = await db.PickLists.Include(p => p.Lines).Include(p => p.Tags).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == command.PickListId, cancellationToken)
            ?? throw new NotFoundException("Pick list", command.PickListId);
        var location = string.IsNullOrWhiteSpace(request.LocationCode) ? null : request.LocationCode.Trim();
        var (line, repeated) = list.Pick(skus, request.Quantity ?? 1, location, request.OrderLineId, scanned, tag, clock.GetUtcNow().UtcDateTime);

        var remaining = list.Lines.Where(l => l.Remaining > 0).OrderBy(l => l.Position).Select(l => l.ToDto()).ToList();
        return new PickScanResultDto(list.Id, list.Status, line.ToDto(), list.RemainingUnits, remaining, repeated);
    }

    /// <summary>
    /// The SKUs the code names (none when the catalogue knows it not), how to name the code in an answer, and for an EPC
    /// the unit's pure identity, so a tag read twice picks once.
    /// </summary>
    private async Task<(IReadOnlyList<string> Skus, string Scanned, string? Tag)> ResolveAsync(ScanPickRequest request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(request.Sku))
        {
            var sku = request.Sku.Trim();
            return ([sku], $"SKU {sku}", null);
        }

        if (!string.IsNullOrWhiteSpace(request.Epc))
        {
            var epc = request.Epc.Trim();
            if (!Sgtin96.TryDecode(epc, out var sgtin, out var error))
            {
                throw new BusinessRuleException(error, "invalid-epc");
            }

            var gtin = sgtin!.Gtin;
            return (await SkusOfAsync(gtin.Value, cancellationToken), $"EPC {epc} (GTIN {gtin.Value})", sgtin.PureIdentityUri);
        }

        var barcode = request.Barcode!.Trim();
        if (Gtin.HasGtinShape(barcode) && !Gtin.TryParse(barcode, out _, out var gtinError))
        {
            throw new BusinessRuleException(gtinError, "invalid-check-digit");
        }

        return (await SkusOfAsync(barcode, cancellationToken), $"Barcode {barcode}", null);
    }

    private async Task<IReadOnlyList<string>> SkusOfAsync(string barcode, CancellationToken cancellationToken) =>
        (await mediator.Send(new FindSkusByBarcodeQuery(barcode), cancellationToken)).Select(s => s.Sku).ToList();
}
