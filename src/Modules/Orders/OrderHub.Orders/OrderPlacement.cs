using MediatR;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Domain;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders;

/// <summary>
/// The one way an order comes into being, for a storefront order and an exchange replacement alike: its stock is
/// reserved (and allocated to warehouses and locations, ADR 0026) under the new order's id first, and only then is the confirmed order created, so neither its timeline
/// nor its <c>OrderConfirmed</c> event can speak of a reservation that failed. Runs in the caller's unit of work;
/// when stock is short the order is never written and nothing is reserved.
/// </summary>
internal sealed class OrderPlacement(OrdersDbContext db, IMediator mediator, TimeProvider clock)
{
    public async Task<Order> PlaceAsync(
        string? storefront,
        string? externalReference,
        Customer customer,
        Address shippingAddress,
        string currency,
        IReadOnlyList<(string Sku, int Quantity, decimal UnitPrice)> lines,
        string actor,
        Func<IReadOnlyList<StockShortage>, string> shortageMessage,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid();
        var sequenceNumber = await db.NextSequenceNumberAsync(cancellationToken);

        var stockLines = StockLines.PerSku(lines.Select(l => (l.Sku, l.Quantity)));
        var reservation = await mediator.Send(new AllocateStockCommand(id.ToString(), stockLines, shippingAddress.Country, actor), cancellationToken);
        if (!reservation.Succeeded)
        {
            throw new ConflictException(shortageMessage(reservation.Shortages), "insufficient-stock",
                new Dictionary<string, object?> { ["shortages"] = reservation.Shortages });
        }

        // The unit of work writes the order, its timeline entry and its event in one batch after the reservation, so
        // the SKU locks also cover that batch; in exchange no order exists, even inside the transaction, without its stock.
        var order = Order.Place(id, sequenceNumber, storefront, externalReference, customer, shippingAddress, currency, lines, actor, now,
            reservation.Allocations.Select(a => new AllocatedUnits(a.Sku, a.WarehouseCode, a.LocationCode, a.Quantity)).ToList());
        db.Orders.Add(order);
        return order;
    }
}
