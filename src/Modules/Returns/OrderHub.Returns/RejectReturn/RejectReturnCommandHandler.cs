using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.RejectReturn;

internal sealed class RejectReturnCommandHandler(ReturnsDbContext db, ReturnWorkflow workflow, ReturnsAccess access) : IRequestHandler<RejectReturnCommand, ReturnDto>
{
    public async Task<ReturnDto> Handle(RejectReturnCommand command, CancellationToken cancellationToken)
    {
        var rma = await db.LoadForChangeAsync(command.Id, access, command.ExpectedVersion, cancellationToken);
        rma.Reject(command.Reason!.Trim(), access.ActorName, workflow.Now);
        await db.SaveChangesAsync(cancellationToken);
        return rma.ToDto();
    }
}
