using FluentValidation;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Platform.IssueApiKey;

internal sealed class IssueApiKeyCommandValidator : AbstractValidator<IssueApiKeyCommand>
{
    public IssueApiKeyCommandValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Role).NotEmpty().Must(r => Roles.All.Contains(r!))
            .WithMessage($"role must be one of: {string.Join(", ", Roles.All)}.");
        RuleFor(x => x.Storefront).NotEmpty().MaximumLength(64).When(x => x.Role == Roles.Storefront)
            .WithMessage("A storefront key needs the storefront code it is bound to.");
        RuleFor(x => x.Storefront).Empty().When(x => x.Role != Roles.Storefront)
            .WithMessage("Only storefront keys are bound to a storefront.");
    }
}
