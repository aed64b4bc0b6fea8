using MediatR;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.DeliverOrder;

internal sealed class DeliverOrderCommandHandler(OrdersDbContext db, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<DeliverOrderCommand, OrderDto>
{
    public async Task<OrderDto> Handle(DeliverOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LoadForChangeAsync(command.OrderId, actor, cancellationToken);
        ETags.Check(command.ExpectedVersion, order.Version);
        var now = clock.GetUtcNow().UtcDateTime;
        order.Deliver(command.DeliveredAt?.ToUniversalTime() ?? now, actor.Name, now);
        await db.SaveChangesAsync(cancellationToken);
        return order.ToDto();
    }
}
