using FluentValidation;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.RejectReturn;

internal sealed class RejectReturnCommandValidator : AbstractValidator<RejectReturnCommand>
{
    public RejectReturnCommandValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(500).OverridePropertyName("reason");
}
