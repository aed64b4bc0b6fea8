using MediatR;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.ShipOrder;

internal sealed class ShipOrderCommandHandler(OrdersDbContext db, IMediator mediator, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<ShipOrderCommand, (ShipmentDto Shipment, int Version)>
{
    public async Task<(ShipmentDto Shipment, int Version)> Handle(ShipOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LoadForChangeAsync(command.OrderId, actor, cancellationToken);
        ETags.Check(command.ExpectedVersion, order.Version);
        var now = clock.GetUtcNow().UtcDateTime;
        var (shipment, taken) = order.ShipFrom(
            string.IsNullOrWhiteSpace(command.Request.WarehouseCode) ? null : command.Request.WarehouseCode.Trim(),
            command.Request.Lines!.Select(l => (l.OrderLineId!.Value, l.Quantity!.Value)).ToList(),
            command.Request.Carrier?.Trim(),
            command.Request.TrackingNumber?.Trim(),
            actor.Name,
            now);

        if (taken.Count > 0)
        {
            await mediator.Send(new ShipAllocationCommand(order.Id.ToString(), taken.ToStock(), actor.Name), cancellationToken);
        }
        else
        {
            var consumed = StockLines.PerSku(shipment.Lines.Select(l => (l.Sku, l.Quantity)));
            await mediator.Send(new ConsumeReservationCommand(order.Id.ToString(), consumed, actor.Name), cancellationToken);
        }

        var shippedLines = shipment.Lines.Select(l => l.OrderLineId).ToHashSet();
        var shippedFrom = taken.Select(t => t.LocationCode).ToHashSet(StringComparer.Ordinal);
        await db.EndPickLinesAsync(order.Id, l => shippedLines.Contains(l.OrderLineId) && shippedFrom.Contains(l.LocationCode), now, cancellationToken);

        // Saved here rather than by the unit of work so the answer carries the version the change produced.
        await db.SaveChangesAsync(cancellationToken);
        return (shipment.ToDto(), order.Version);
    }
}
