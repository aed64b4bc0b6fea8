using FluentValidation;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.SimulateReturnPolicy;

internal sealed class SimulateReturnPolicyQueryValidator : AbstractValidator<SimulateReturnPolicyQuery>
{
    public SimulateReturnPolicyQueryValidator()
    {
        ReturnPolicyDocumentRules.AddTo(this);
        RuleFor(x => x.Days).InclusiveBetween(1, SimulateReturnPolicyRequest.MaxDays).OverridePropertyName("days");
    }
}
