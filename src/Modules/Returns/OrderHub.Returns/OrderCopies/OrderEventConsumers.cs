using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Orders.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.OrderCopies;

/// <summary>Keeps the Returns module's copy of each order current from the Orders module's events.</summary>
internal sealed class OrderEventConsumers(ReturnsDbContext db) :
    IIntegrationEventHandler<OrderConfirmed>,
    IIntegrationEventHandler<OrderShipped>,
    IIntegrationEventHandler<OrderDelivered>,
    IIntegrationEventHandler<OrderCancelled>
{
    public Task HandleAsync(OrderConfirmed integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Order, false, cancellationToken);

    public Task HandleAsync(OrderShipped integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Order, false, cancellationToken);

    public Task HandleAsync(OrderDelivered integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Order, false, cancellationToken);

    public Task HandleAsync(OrderCancelled integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Order, true, cancellationToken);

    // Compiled once: it runs for every order event.
    private static readonly Func<ReturnsDbContext, Guid, CancellationToken, Task<OrderCopy?>> CopyOf =
        EF.CompileAsyncQuery((ReturnsDbContext db, Guid orderId, CancellationToken ct) => db.Orders.Include(o => o.Lines).SingleOrDefault(o => o.Id == orderId));

    private async Task ApplyAsync(OrderSnapshot snapshot, bool cancelled, CancellationToken cancellationToken)
    {
        var copy = await CopyOf(db, snapshot.OrderId, cancellationToken);
        if (copy is null)
        {
            copy = OrderCopy.From(snapshot);
            copy.Apply(snapshot, cancelled);
            db.Orders.Add(copy);
        }
        else
        {
            copy.Apply(snapshot, cancelled);
        }
    }
}
