using MediatR;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Returns.InspectReturn;

/// <summary>
/// Grades each line and moves its units from the Returns location to where the disposition sends them, in
/// the same transaction: restocked units are available the moment this command commits.
/// </summary>
internal sealed class InspectReturnCommandHandler(ReturnsDbContext db, ReturnWorkflow workflow, ReturnsAccess access, IMediator mediator)
    : IRequestHandler<InspectReturnCommand, ReturnDto>
{
    public async Task<ReturnDto> Handle(InspectReturnCommand command, CancellationToken cancellationToken)
    {
        var rma = await db.LoadForChangeAsync(command.Id, access, command.ExpectedVersion, cancellationToken);
        var grades = command.Request.Lines!.ToDictionary(l => l.ReturnLineId!.Value, l => (l.Condition!.Value, l.Disposition!.Value));
        await workflow.CompleteAsync(rma, grades, access.ActorName, cancellationToken);
        foreach (var line in rma.ShippedBackLines)
        {
            await mediator.Send(new PutAwayReturnCommand(rma.RmaNumber, rma.WarehouseCode!, line.Sku, line.Quantity, Purpose(line.Disposition!.Value), access.ActorName), cancellationToken);
        }

        return rma.ToDto();
    }

    private static PutawayPurpose Purpose(Disposition disposition) => disposition switch
    {
        Disposition.Restock => PutawayPurpose.Restock,
        Disposition.Refurbish => PutawayPurpose.Refurbish,
        Disposition.Dispose => PutawayPurpose.Dispose,
        _ => PutawayPurpose.ReturnToVendor,
    };
}
