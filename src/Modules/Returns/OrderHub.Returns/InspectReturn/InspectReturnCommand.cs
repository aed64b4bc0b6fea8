using FluentValidation;
using MediatR;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Access;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.ReviewReturn;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Returns.InspectReturn;

internal sealed record InspectReturnCommand(Guid Id, InspectReturnRequest Request, int? ExpectedVersion) : ICommand<ReturnDto>;

internal sealed class InspectReturnCommandValidator : AbstractValidator<InspectReturnCommand>
{
    private const string NullLine = "lines[{CollectionIndex}] must be an object, not null.";

    public InspectReturnCommandValidator()
    {
        RuleFor(x => x.Request.Lines).NotEmpty().OverridePropertyName("lines");
        RuleFor(x => x.Request.Lines).Must(lines => lines is null || lines.Where(l => l is not null).Select(l => l.ReturnLineId).Distinct().Count() == lines.Count(l => l is not null))
            .WithMessage("Each return line is graded once.").OverridePropertyName("lines");
        RuleForEach(x => x.Request.Lines).NotNull().WithMessage(NullLine).ChildRules(line =>
        {
            line.RuleFor(l => l.ReturnLineId).NotNull().NotEqual(Guid.Empty).OverridePropertyName("returnLineId");
            line.RuleFor(l => l.Condition).NotNull().IsInEnum().OverridePropertyName("condition");
            line.RuleFor(l => l.Disposition).NotNull().IsInEnum().OverridePropertyName("disposition");
        }).OverridePropertyName("lines");
    }
}

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
