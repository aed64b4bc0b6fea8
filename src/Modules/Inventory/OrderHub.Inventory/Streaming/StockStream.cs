using System.Collections.Concurrent;
using System.Threading.Channels;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.Streaming;

/// <summary>
/// In-process fan-out of committed stock changes to the open <c>/inventory/stream</c> connections. Each
/// subscriber has a small bounded buffer; a subscriber too slow to keep up loses its oldest events rather
/// than slowing everyone else down (the next event carries the full figures anyway).
/// </summary>
internal sealed class StockStream
{
    private const int BufferPerSubscriber = 256;
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();

    public int SubscriberCount => _subscriptions.Count;

    public Subscription Subscribe(string? sku)
    {
        var subscription = new Subscription(this, sku);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    public void Publish(StockSnapshot snapshot)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.Sku is null || subscription.Sku == snapshot.Sku)
            {
                subscription.Channel.Writer.TryWrite(snapshot);
            }
        }
    }

    internal sealed class Subscription(StockStream stream, string? sku) : IDisposable
    {
        public Guid Id { get; } = Guid.NewGuid();

        public string? Sku { get; } = sku;

        public Channel<StockSnapshot> Channel { get; } = System.Threading.Channels.Channel.CreateBounded<StockSnapshot>(
            new BoundedChannelOptions(BufferPerSubscriber) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public void Dispose()
        {
            stream._subscriptions.TryRemove(Id, out _);
            Channel.Writer.TryComplete();
        }
    }
}
