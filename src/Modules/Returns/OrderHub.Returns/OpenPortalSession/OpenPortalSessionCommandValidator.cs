using FluentValidation;

namespace OrderHub.Returns.OpenPortalSession;

internal sealed class OpenPortalSessionCommandValidator : AbstractValidator<OpenPortalSessionCommand>
{
    public OpenPortalSessionCommandValidator()
    {
        RuleFor(x => x.OrderNumber).NotEmpty().MaximumLength(32).OverridePropertyName("orderNumber");
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254).OverridePropertyName("email");
    }
}
