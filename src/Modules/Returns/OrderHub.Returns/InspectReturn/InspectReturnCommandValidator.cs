using FluentValidation;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.InspectReturn;

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
