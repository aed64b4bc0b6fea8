using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Access;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.ReviewReturn;

internal sealed record ApproveReturnCommand(Guid Id, int? ExpectedVersion) : ICommand<ReturnDto>;

internal sealed record RejectReturnCommand(Guid Id, string? Reason, int? ExpectedVersion) : ICommand<ReturnDto>;

internal sealed record CancelReturnCommand(Guid Id, int? ExpectedVersion) : ICommand<ReturnDto>;

internal sealed class RejectReturnCommandValidator : AbstractValidator<RejectReturnCommand>
{
    public RejectReturnCommandValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(500).OverridePropertyName("reason");
}

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
        access.EnsureVisible("Return", id, rma.OrderId, rma.Storefront);
        ETags.Check(expectedVersion, rma.Version);
        return rma;
    }
}

internal sealed class ApproveReturnCommandHandler(ReturnsDbContext db, ReturnWorkflow workflow, ReturnsAccess access) : IRequestHandler<ApproveReturnCommand, ReturnDto>
{
    public async Task<ReturnDto> Handle(ApproveReturnCommand command, CancellationToken cancellationToken)
    {
        var rma = await db.LoadForChangeAsync(command.Id, access, command.ExpectedVersion, cancellationToken);
        await workflow.ApproveAsync(rma, access.ActorName, cancellationToken);
        return rma.ToDto();
    }
}

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
