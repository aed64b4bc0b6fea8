using FluentValidation;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ReceiveReturn;

internal sealed class ReceiveReturnCommandValidator : AbstractValidator<ReceiveReturnCommand>
{
    public ReceiveReturnCommandValidator()
    {
        RuleFor(x => x.RmaNumber).NotEmpty().MaximumLength(32).OverridePropertyName("rmaNumber");
        RuleFor(x => x.WarehouseCode).MaximumLength(32).OverridePropertyName("warehouseCode");
    }
}
