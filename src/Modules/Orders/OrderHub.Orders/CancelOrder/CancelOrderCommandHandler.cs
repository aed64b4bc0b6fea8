using MediatR;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.CancelOrder;

internal sealed class CancelOrderCommandHandler(OrdersDbContext db, IMediator mediator, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<CancelOrderCommand, OrderDto>
{
    public async Task<OrderDto> Handle(CancelOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LoadForChangeAsync(command.OrderId, actor, cancellationToken);
        ETags.Check(command.ExpectedVersion, order.Version);
        var now = clock.GetUtcNow().UtcDateTime;
        var (unshipped, released) = order.CancelReleasing(command.Reason?.Trim(), actor.Name, now);
        if (released.Count > 0)
        {
            await mediator.Send(new ReleaseAllocationCommand(order.Id.ToString(), released.ToStock(), actor.Name), cancellationToken);
        }
        else if (unshipped.Count > 0)
        {
            await mediator.Send(new ReleaseReservationCommand(order.Id.ToString(), null, actor.Name), cancellationToken);
        }

        await db.EndPickLinesAsync(order.Id, _ => true, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return order.ToDto();
    }
}
