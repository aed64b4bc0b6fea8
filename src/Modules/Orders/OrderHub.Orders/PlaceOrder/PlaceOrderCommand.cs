using System.Globalization;
using FluentValidation;
using MediatR;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Domain;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.PlaceOrder;

internal sealed record PlaceOrderCommand(PlaceOrderRequest Request) : ICommand<OrderDto>;

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

internal sealed class PlaceOrderCommandHandler(OrdersDbContext db, IMediator mediator, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<PlaceOrderCommand, OrderDto>
{
    public async Task<OrderDto> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var storefront = string.IsNullOrWhiteSpace(request.Storefront) ? null : request.Storefront.Trim();
        if (actor.IsInRole(Roles.Storefront))
        {
            if (storefront is not null && storefront != actor.Storefront)
            {
                throw new ForbiddenException($"This key belongs to storefront '{actor.Storefront}' and cannot place orders for '{storefront}'.");
            }

            storefront = actor.Storefront;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var customer = request.Customer!;
        var address = request.ShippingAddress!;
        var order = Order.Place(
            await db.NextSequenceNumberAsync(cancellationToken),
            storefront,
            request.ExternalReference?.Trim(),
            new Customer(customer.Email!.Trim().ToLowerInvariant(), customer.Name!.Trim(), string.IsNullOrWhiteSpace(customer.Locale) ? "en" : customer.Locale.Trim(), customer.Segment?.Trim()),
            new Address(address.Name, address.Line1!, address.Line2, address.City!, address.PostalCode!, address.Region, address.Country!.ToUpperInvariant()),
            request.Currency!,
            request.Lines!.Select(l => (l.Sku!.Trim(), l.Quantity!.Value, l.UnitPrice!.Value)),
            actor.Name,
            now);
        db.Orders.Add(order);

        // The order's rows and its OrderConfirmed event are written before stock is locked, so the SKU row locks
        // are held only for the reservation's own reads and writes and the commit. Should stock be short, the
        // whole unit of work rolls back, event included.
        db.Publish(new OrderConfirmed(Guid.NewGuid(), now, order.ToSnapshot()));
        await db.SaveChangesAsync(cancellationToken);

        var stockLines = StockLines.PerSku(order.Lines.Select(l => (l.Sku, l.Quantity)));
        var reservation = await mediator.Send(new ReserveStockCommand(order.Id.ToString(), stockLines, actor.Name), cancellationToken);
        if (!reservation.Succeeded)
        {
            throw new ConflictException(
                $"Not enough stock for {string.Join(", ", reservation.Shortages.Select(s => $"{s.Sku} (requested {s.Requested}, available {s.Available})"))}; nothing was reserved.",
                "insufficient-stock",
                new Dictionary<string, object?> { ["shortages"] = reservation.Shortages });
        }

        return order.ToDto();
    }
}
