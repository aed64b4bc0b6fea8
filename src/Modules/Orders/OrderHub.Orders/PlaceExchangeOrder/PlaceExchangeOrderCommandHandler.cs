using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Domain;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.PlaceExchangeOrder;

internal sealed class PlaceExchangeOrderCommandHandler(OrdersDbContext db, IMediator mediator, TimeProvider clock)
    : IRequestHandler<PlaceExchangeOrderCommand, ExchangeOrderResult>
{
    public async Task<ExchangeOrderResult> Handle(PlaceExchangeOrderCommand command, CancellationToken cancellationToken)
    {
        var original = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.OriginalOrderId, cancellationToken)
            ?? throw new NotFoundException("Order", command.OriginalOrderId);
        var now = clock.GetUtcNow().UtcDateTime;
        var order = Order.Place(
            await db.NextSequenceNumberAsync(cancellationToken),
            original.Storefront,
            command.Reference,
            original.Customer,
            original.ShippingAddress,
            original.Currency,
            [(command.Sku, command.Quantity, 0m)],
            command.Actor,
            now);
        db.Orders.Add(order);
        var reservation = await mediator.Send(new ReserveStockCommand(order.Id.ToString(), [new StockLine(command.Sku, command.Quantity)], command.Actor), cancellationToken);
        if (!reservation.Succeeded)
        {
            throw new ConflictException($"The replacement {command.Sku} is out of stock; the exchange order cannot be placed.", "insufficient-stock",
                new Dictionary<string, object?> { ["shortages"] = reservation.Shortages });
        }

        db.Publish(new OrderConfirmed(Guid.NewGuid(), now, order.ToSnapshot()));
        return new ExchangeOrderResult(order.Id, order.Number);
    }
}
