using MediatR;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.ShortShipOrder;

internal sealed class ShortShipOrderCommandHandler(OrdersDbContext db, IMediator mediator, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<ShortShipOrderCommand, OrderDto>
{
    public async Task<OrderDto> Handle(ShortShipOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LoadForChangeAsync(command.OrderId, actor, cancellationToken);
        ETags.Check(command.ExpectedVersion, order.Version);
        var lines = command.Request.Lines!.Select(l => (l.OrderLineId!.Value, l.Quantity!.Value)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var released = order.ShortShip(lines, command.Request.Reason!.Trim(), actor.Name, now);
        if (released.Count > 0)
        {
            await mediator.Send(new ReleaseAllocationCommand(order.Id.ToString(), released.ToStock(), actor.Name), cancellationToken);
        }
        else
        {
            // An order placed before allocation holds its units by reference only.
            var perSku = StockLines.PerSku(lines.Select(l => (order.Lines.Single(x => x.Id == l.Item1).Sku, l.Item2)));
            await mediator.Send(new ReleaseReservationCommand(order.Id.ToString(), perSku, actor.Name), cancellationToken);
        }

        var shortLines = lines.Select(l => l.Item1).ToHashSet();
        var releasedFrom = released.Select(r => r.LocationCode).ToHashSet(StringComparer.Ordinal);
        await db.EndPickLinesAsync(order.Id, l => shortLines.Contains(l.OrderLineId) && releasedFrom.Contains(l.LocationCode), now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return order.ToDto();
    }
}
