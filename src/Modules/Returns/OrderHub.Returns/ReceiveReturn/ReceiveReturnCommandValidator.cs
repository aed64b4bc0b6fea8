using FluentValidation;
using OrderHub.BuildingBlocks.Scanning;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ReceiveReturn;

internal sealed class ReceiveReturnCommandValidator : AbstractValidator<ReceiveReturnCommand>
{
    public ReceiveReturnCommandValidator()
    {
        RuleFor(x => new[] { x.RmaNumber, x.Epc, x.TrackingNumber }.Count(c => !string.IsNullOrWhiteSpace(c)))
            .Equal(1)
            .WithMessage("Give exactly one of 'rmaNumber', 'epc' or 'trackingNumber'.")
            .OverridePropertyName("rmaNumber");
        RuleFor(x => x.RmaNumber).MaximumLength(32).OverridePropertyName("rmaNumber");
        RuleFor(x => x.TrackingNumber).MaximumLength(32).OverridePropertyName("trackingNumber");
        RuleFor(x => x.Epc!.Trim())
            .Must((command, epc, context) =>
            {
                if (Sgtin96.TryDecode(epc, out _, out var error))
                {
                    return true;
                }

                context.MessageFormatter.AppendArgument("Reason", error);
                return false;
            })
            .WithMessage("{Reason}")
            .When(x => !string.IsNullOrWhiteSpace(x.Epc))
            .OverridePropertyName("epc");
        RuleFor(x => x.WarehouseCode).MaximumLength(32).OverridePropertyName("warehouseCode");
    }
}
