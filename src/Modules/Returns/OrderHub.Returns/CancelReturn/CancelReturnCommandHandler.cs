using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.CancelReturn;

internal sealed class CancelReturnCommandHandler(ReturnsDbContext db, ReturnWorkflow workflow, ReturnsAccess access) : IRequestHandler<CancelReturnCommand, ReturnDto>
{
    public async Task<ReturnDto> Handle(CancelReturnCommand command, CancellationToken cancellationToken)
    {
        var rma = await db.LoadForChangeAsync(command.Id, access, command.ExpectedVersion, cancellationToken);
        var wasApproved = rma.Status is ReturnStatus.Approved or ReturnStatus.InTransit;
        rma.Cancel(access.ActorName, workflow.Now);
        await db.SaveChangesAsync(cancellationToken);
        if (wasApproved)
        {
            await workflow.ReleaseApprovalAsync(rma, access.ActorName, cancellationToken);
        }
        return rma.ToDto();
    }
}
