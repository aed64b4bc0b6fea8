using FluentValidation;

namespace OrderHub.Returns.UpdateReturnPolicy;

internal sealed class UpdateReturnPolicyCommandValidator : AbstractValidator<UpdateReturnPolicyCommand>
{
    public UpdateReturnPolicyCommandValidator() => ReturnPolicyDocumentRules.AddTo(this);
}
