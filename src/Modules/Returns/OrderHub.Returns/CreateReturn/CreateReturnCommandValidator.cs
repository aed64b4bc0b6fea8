using FluentValidation;
using Microsoft.EntityFrameworkCore;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.CreateReturn;

internal sealed class CreateReturnCommandValidator : AbstractValidator<CreateReturnCommand>
{
    private const string NullLine = "lines[{CollectionIndex}] must be an object, not null.";

    public CreateReturnCommandValidator()
    {
        RuleFor(x => x.Request.OrderId).NotEqual(Guid.Empty).OverridePropertyName("orderId");
        RuleFor(x => x.Request.OrderId).NotNull().When(x => x.Request.Lines is null || x.Request.Lines.Any(l => l is not null && l.OrderId is null))
            .WithMessage("orderId is required unless every line names its own orderId.").OverridePropertyName("orderId");
        RuleFor(x => x.Request.Resolution).NotNull().IsInEnum().OverridePropertyName("resolution");
        RuleFor(x => x.Request.ExchangeSku).NotEmpty().MaximumLength(64).When(x => x.Request.Resolution == ReturnResolution.Exchange)
            .WithMessage("An exchange names the replacement SKU in exchangeSku.").OverridePropertyName("exchangeSku");
        RuleFor(x => x.Request.ExchangeSku).Empty().When(x => x.Request.Resolution != ReturnResolution.Exchange)
            .WithMessage("exchangeSku is only for the Exchange resolution.").OverridePropertyName("exchangeSku");
        RuleFor(x => x.Request.Lines).NotEmpty().OverridePropertyName("lines");
        RuleFor(x => x.Request.Lines).Must(lines => lines is null || lines.Where(l => l is not null).Select(l => l.OrderLineId).Distinct().Count() == lines.Count(l => l is not null))
            .WithMessage("Each order line may appear once.").OverridePropertyName("lines");
        RuleForEach(x => x.Request.Lines).NotNull().WithMessage(NullLine).ChildRules(line =>
        {
            line.RuleFor(l => l.OrderLineId).NotNull().NotEqual(Guid.Empty).OverridePropertyName("orderLineId");
            line.RuleFor(l => l.OrderId).NotEqual(Guid.Empty).OverridePropertyName("orderId");
            line.RuleFor(l => l.Quantity).NotNull().GreaterThan(0).OverridePropertyName("quantity");
            line.RuleFor(l => l.ReasonCode).NotNull().IsInEnum().OverridePropertyName("reasonCode");
            line.RuleFor(l => l.Comment).MaximumLength(1000).OverridePropertyName("comment");
        }).OverridePropertyName("lines");
    }
}
