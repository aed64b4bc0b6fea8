using MediatR;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Domain;

namespace OrderHub.Orders.PlaceOrder;

internal sealed class PlaceOrderCommandHandler(OrderPlacement placement, ICurrentActor actor)
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

        var customer = request.Customer!;
        var address = request.ShippingAddress!;
        var order = await placement.PlaceAsync(
            storefront,
            request.ExternalReference?.Trim(),
            new Customer(customer.Email!.Trim().ToLowerInvariant(), customer.Name!.Trim(), string.IsNullOrWhiteSpace(customer.Locale) ? "en" : customer.Locale.Trim(), customer.Segment?.Trim()),
            new Address(address.Name, address.Line1!, address.Line2, address.City!, address.PostalCode!, address.Region, address.Country!.ToUpperInvariant()),
            request.Currency!,
            request.Lines!.Select(l => (l.Sku!.Trim(), l.Quantity!.Value, l.UnitPrice!.Value)).ToList(),
            actor.Name,
            shortages => $"Not enough stock for {string.Join(", ", shortages.Select(s => $"{s.Sku} (requested {s.Requested}, available {s.Available})"))}; nothing was reserved.",
            cancellationToken);
        return order.ToDto();
    }
}
