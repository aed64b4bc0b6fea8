using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Scanning;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.ReceiveReturn;

/// <summary>
/// The dock scan. The RMA's version is saved first, so of two people scanning the same parcel at once one
/// wins and the other gets 409 before any stock moves.
/// </summary>
internal sealed class ReceiveReturnCommandHandler(ReturnsDbContext db, ReturnWarehouses warehouses, ReturnWorkflow workflow, ReturnsAccess access, IMediator mediator)
    : IRequestHandler<ReceiveReturnCommand, ReturnDto>
{
    public async Task<ReturnDto> Handle(ReceiveReturnCommand command, CancellationToken cancellationToken)
    {
        var rma = string.IsNullOrWhiteSpace(command.Epc)
            ? await db.LoadForChangeByCodeAsync(string.IsNullOrWhiteSpace(command.RmaNumber) ? command.TrackingNumber : command.RmaNumber, access, cancellationToken)
            : await db.LoadForChangeAsync(await AwaitingEpcAsync(Sgtin96.Decode(command.Epc.Trim()), cancellationToken), access, null, cancellationToken);
        var warehouse = command.WarehouseCode?.Trim() ?? await warehouses.CodeForAsync(rma, cancellationToken)
            ?? throw new BusinessRuleException("No warehouse given and the return policy names no existing return warehouse.", "no-return-warehouse");

        rma.Receive(warehouse, access.ActorName, workflow.Now);
        await db.SaveChangesAsync(cancellationToken);
        await mediator.Send(new ReceiveReturnStockCommand(rma.RmaNumber, warehouse, rma.ShippedBackLines.Select(l => new StockLine(l.Sku, l.Quantity)).ToList(), access.ActorName), cancellationToken);
        return rma.ToDto();
    }

    /// <summary>The one open return that awaits the item's SKU; 404 when none does, 409 listing them when several do.</summary>
    private async Task<Guid> AwaitingEpcAsync(Sgtin96 epc, CancellationToken cancellationToken)
    {
        var gtin = epc.Gtin.Value;
        var skus = (await mediator.Send(new FindSkusByBarcodeQuery(gtin), cancellationToken)).Select(s => s.Sku).ToList();
        if (skus.Count == 0)
        {
            throw new NotFoundException("SKU with GTIN", gtin);
        }

        var candidates = await access.Visible(db.Returns.AsNoTracking())
            .Where(r => r.Status == ReturnStatus.Approved || r.Status == ReturnStatus.InTransit)
            .Where(r => r.Lines.Any(l => !l.KeepIt && skus.Contains(l.Sku)))
            .OrderBy(r => r.SequenceNumber)
            .Select(r => new { r.Id, r.RmaNumber, r.OrderNumber, r.CustomerEmail })
            .Take(20)
            .ToListAsync(cancellationToken);
        return candidates.Count switch
        {
            0 => throw new NotFoundException($"Open return awaiting {string.Join(", ", skus)} (GTIN {gtin})", epc.PureIdentityUri),
            1 => candidates[0].Id,
            _ => throw new ConflictException(
                $"{candidates.Count} open returns await {string.Join(", ", skus)} (GTIN {gtin}); scan the RMA number or the tracking number instead.",
                "ambiguous-scan",
                new Dictionary<string, object?>
                {
                    ["candidates"] = candidates.Select(c => new { returnId = c.Id, rmaNumber = c.RmaNumber, orderNumber = c.OrderNumber, customerEmail = c.CustomerEmail }).ToList(),
                }),
        };
    }
}
