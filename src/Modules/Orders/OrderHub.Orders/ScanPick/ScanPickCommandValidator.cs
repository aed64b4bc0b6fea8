using FluentValidation;

namespace OrderHub.Orders.ScanPick;

internal sealed class ScanPickCommandValidator : AbstractValidator<ScanPickCommand>
{
    /// <summary>Longer than any code the catalogue stores; a malformed GTIN or EPC of a plausible length is refused with its reason (422).</summary>
    private const int MaxCodeLength = 128;

    public ScanPickCommandValidator()
    {
        RuleFor(x => x.Request)
            .Must(r => new[] { r.Barcode, r.Sku, r.Epc }.Count(c => !string.IsNullOrWhiteSpace(c)) == 1)
            .WithMessage("Give exactly one of barcode, sku or epc.")
            .OverridePropertyName("barcode");
        RuleFor(x => x.Request.Barcode).MaximumLength(MaxCodeLength).OverridePropertyName("barcode");
        RuleFor(x => x.Request.Sku).MaximumLength(64).OverridePropertyName("sku");
        RuleFor(x => x.Request.Epc).MaximumLength(MaxCodeLength).OverridePropertyName("epc");
        RuleFor(x => x.Request.Quantity).InclusiveBetween(1, 100_000).OverridePropertyName("quantity");
        RuleFor(x => x.Request.Quantity).Equal(1).When(x => !string.IsNullOrWhiteSpace(x.Request.Epc) && x.Request.Quantity is not null)
            .WithMessage("An EPC names one item: quantity is 1.").OverridePropertyName("quantity");
        RuleFor(x => x.Request.LocationCode).MaximumLength(64).OverridePropertyName("locationCode");
        RuleFor(x => x.Request.OrderLineId).NotEqual(Guid.Empty).OverridePropertyName("orderLineId");
    }
}
