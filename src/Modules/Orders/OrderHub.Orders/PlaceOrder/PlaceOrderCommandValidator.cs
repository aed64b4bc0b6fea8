using System.Globalization;
using FluentValidation;

namespace OrderHub.Orders.PlaceOrder;

internal sealed class PlaceOrderCommandValidator : AbstractValidator<PlaceOrderCommand>
{
    private const string NullLine = "lines[{CollectionIndex}] must be an object, not null.";

    public const int MaxLines = 200;

    public PlaceOrderCommandValidator()
    {
        RuleFor(x => x.Request.Storefront).MaximumLength(64).OverridePropertyName("storefront");
        RuleFor(x => x.Request.ExternalReference).MaximumLength(100).OverridePropertyName("externalReference");
        RuleFor(x => x.Request.Currency).NotEmpty().Matches("^[A-Z]{3}$").WithMessage("currency must be an ISO-4217 code such as EUR.")
            .OverridePropertyName("currency");
        RuleFor(x => x.Request.Customer).NotNull().OverridePropertyName("customer");
        When(x => x.Request.Customer is not null, () =>
        {
            RuleFor(x => x.Request.Customer!.Email).NotEmpty().EmailAddress().MaximumLength(254).OverridePropertyName("customer.email");
            RuleFor(x => x.Request.Customer!.Name).NotEmpty().MaximumLength(200).OverridePropertyName("customer.name");
            RuleFor(x => x.Request.Customer!.Locale).Must(BeACulture!).When(x => !string.IsNullOrEmpty(x.Request.Customer!.Locale))
                .WithMessage("customer.locale must be a language tag such as en, fr, pl or zh-CN.").OverridePropertyName("customer.locale");
            RuleFor(x => x.Request.Customer!.Segment).MaximumLength(32).OverridePropertyName("customer.segment");
        });
        RuleFor(x => x.Request.ShippingAddress).NotNull().OverridePropertyName("shippingAddress");
        When(x => x.Request.ShippingAddress is not null, () =>
        {
            RuleFor(x => x.Request.ShippingAddress!.Line1).NotEmpty().MaximumLength(200).OverridePropertyName("shippingAddress.line1");
            RuleFor(x => x.Request.ShippingAddress!.City).NotEmpty().MaximumLength(100).OverridePropertyName("shippingAddress.city");
            RuleFor(x => x.Request.ShippingAddress!.PostalCode).NotEmpty().MaximumLength(20).OverridePropertyName("shippingAddress.postalCode");
            RuleFor(x => x.Request.ShippingAddress!.Country).NotEmpty().Matches("^[A-Za-z]{2}$")
                .WithMessage("shippingAddress.country must be an ISO-3166 alpha-2 code such as FR.").OverridePropertyName("shippingAddress.country");
            RuleFor(x => x.Request.ShippingAddress!.Name).MaximumLength(200).OverridePropertyName("shippingAddress.name");
            RuleFor(x => x.Request.ShippingAddress!.Line2).MaximumLength(200).OverridePropertyName("shippingAddress.line2");
            RuleFor(x => x.Request.ShippingAddress!.Region).MaximumLength(100).OverridePropertyName("shippingAddress.region");
        });
        RuleFor(x => x.Request.Lines).NotEmpty().Must(l => l is null || l.Count <= MaxLines).WithMessage($"An order has 1 to {MaxLines} lines.")
            .OverridePropertyName("lines");
        RuleForEach(x => x.Request.Lines).NotNull().WithMessage(NullLine).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64).OverridePropertyName("sku");
            line.RuleFor(l => l.Quantity).NotNull().InclusiveBetween(1, 100_000).OverridePropertyName("quantity");
            line.RuleFor(l => l.UnitPrice).NotNull().GreaterThanOrEqualTo(0).LessThan(100_000_000)
                .Must(p => p is null || decimal.Round(p.Value, 2) == p.Value).WithMessage("unitPrice has at most two decimals.")
                .OverridePropertyName("unitPrice");
        }).OverridePropertyName("lines");
    }

    private static bool BeACulture(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
