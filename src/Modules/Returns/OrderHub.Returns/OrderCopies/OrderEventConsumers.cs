using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Orders.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.OrderCopies;

/// <summary>
/// Keeps the Returns module's copy of each order current from the Orders module's events. A run of events (ADR 0034)
/// has its copies loaded by one query; each event then finds its copy in the change tracker, where an earlier event of
/// the run may have added it unsaved.
/// </summary>
internal sealed class OrderEventConsumers(ReturnsDbContext db) :
    IRunConsumer<OrderConfirmed>,
    IRunConsumer<OrderShipped>,
    IRunConsumer<OrderDelivered>,
    IRunConsumer<OrderCancelled>
{
    /// <summary>Orders the run's preparation looked up and found no copy of, until one is added.</summary>
    private readonly HashSet<Guid> _absent = [];

    public Task PrepareRunAsync(IReadOnlyList<OrderConfirmed> events, CancellationToken cancellationToken) => LoadAsync(events.Select(e => e.Order.OrderId), cancellationToken);

    public Task PrepareRunAsync(IReadOnlyList<OrderShipped> events, CancellationToken cancellationToken) => LoadAsync(events.Select(e => e.Order.OrderId), cancellationToken);

    public Task PrepareRunAsync(IReadOnlyList<OrderDelivered> events, CancellationToken cancellationToken) => LoadAsync(events.Select(e => e.Order.OrderId), cancellationToken);

    public Task PrepareRunAsync(IReadOnlyList<OrderCancelled> events, CancellationToken cancellationToken) => LoadAsync(events.Select(e => e.Order.OrderId), cancellationToken);

    public Task HandleAsync(OrderConfirmed integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Order, false, cancellationToken);

    public Task HandleAsync(OrderShipped integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Order, false, cancellationToken);

    public Task HandleAsync(OrderDelivered integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Order, false, cancellationToken);

    public Task HandleAsync(OrderCancelled integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Order, true, cancellationToken);

    // Compiled once: it runs for every order event.
    private static readonly Func<ReturnsDbContext, Guid, CancellationToken, Task<OrderCopy?>> CopyOf =
        EF.CompileAsyncQuery((ReturnsDbContext db, Guid orderId, CancellationToken ct) => db.Orders.Include(o => o.Lines).SingleOrDefault(o => o.Id == orderId));

    /// <summary>Tracks the copies of these orders that exist, and notes the others as absent.</summary>
    private async Task LoadAsync(IEnumerable<Guid> orderIds, CancellationToken cancellationToken)
    {
        var wanted = orderIds.Where(id => db.Tracked<OrderCopy, Guid>(id) is null).Distinct().ToArray();
        if (wanted.Length == 0)
        {
            return;
        }

        // Which copies exist, in one round trip; then the copies found, with their lines, one by one: a run of
        // confirmations, the common case, finds none.
        var found = await db.ExistingKeysAsync<OrderCopy, Guid>(wanted, cancellationToken);
        foreach (var id in found)
        {
            await CopyOf(db, id, cancellationToken);
        }

        _absent.UnionWith(wanted.Except(found));
    }

    private async Task ApplyAsync(OrderSnapshot snapshot, bool cancelled, CancellationToken cancellationToken)
    {
        // The change tracker first: an earlier event of the run may have added this copy, not yet saved.
        var copy = db.Tracked<OrderCopy, Guid>(snapshot.OrderId)
            ?? (_absent.Contains(snapshot.OrderId) ? null : await CopyOf(db, snapshot.OrderId, cancellationToken));
        if (copy is null)
        {
            _absent.Remove(snapshot.OrderId);
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
