using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.PlaceExchangeOrder;

internal sealed class PlaceExchangeOrderCommandHandler(OrdersDbContext db, OrderPlacement placement)
    : IRequestHandler<PlaceExchangeOrderCommand, ExchangeOrderResult>
{
    public async Task<ExchangeOrderResult> Handle(PlaceExchangeOrderCommand command, CancellationToken cancellationToken)
    {
        var original = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.OriginalOrderId, cancellationToken)
            ?? throw new NotFoundException("Order", command.OriginalOrderId);
        var order = await placement.PlaceAsync(
            original.Storefront,
            command.Reference,
            original.Customer,
            original.ShippingAddress,
            original.Currency,
            [(command.Sku, command.Quantity, 0m)],
            command.Actor,
            _ => $"The replacement {command.Sku} is out of stock; the exchange order cannot be placed.",
            cancellationToken);
        return new ExchangeOrderResult(order.Id, order.Number);
    }
}
