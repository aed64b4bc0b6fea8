using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
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
        var number = command.RmaNumber!.Trim().ToUpperInvariant();
        var id = await db.Returns.Where(r => r.RmaNumber == number).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Return", number);
        var rma = await db.LoadForChangeAsync(id, access, null, cancellationToken);
        var warehouse = command.WarehouseCode?.Trim() ?? (await warehouses.ForAsync(rma, cancellationToken))?.WarehouseCode
            ?? throw new BusinessRuleException("No warehouse given and the return policy names no existing return warehouse.", "no-return-warehouse");

        rma.Receive(warehouse, access.ActorName, workflow.Now);
        await db.SaveChangesAsync(cancellationToken);
        await mediator.Send(new ReceiveReturnStockCommand(rma.RmaNumber, warehouse, rma.ShippedBackLines.Select(l => new StockLine(l.Sku, l.Quantity)).ToList(), access.ActorName), cancellationToken);
        return rma.ToDto();
    }
}
