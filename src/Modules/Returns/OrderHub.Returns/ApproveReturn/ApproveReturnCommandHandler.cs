using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.ApproveReturn;

internal sealed class ApproveReturnCommandHandler(ReturnsDbContext db, ReturnWorkflow workflow, ReturnsAccess access) : IRequestHandler<ApproveReturnCommand, ReturnDto>
{
    public async Task<ReturnDto> Handle(ApproveReturnCommand command, CancellationToken cancellationToken)
    {
        var rma = await db.LoadForChangeAsync(command.Id, access, command.ExpectedVersion, cancellationToken);
        await workflow.ApproveAsync(rma, access.ActorName, cancellationToken);
        return rma.ToDto();
    }
}
