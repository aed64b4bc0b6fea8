using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Cluster;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.StreamStock;

/// <summary>
/// In-process fan-out of committed stock changes to the open <c>/inventory/stream</c> connections. Each
/// subscriber has a small bounded buffer; a subscriber too slow to keep up loses its oldest events rather
/// than slowing everyone else down (the next event carries the full figures anyway). The node that delivers a
/// stock event announces it to the other nodes, whose subscribers get it from their own stream (ADR 0017).
/// </summary>
internal sealed class StockStream
{
    private const string Topic = "stock";

    /// <summary>Announced instead of the figures when they are too long for a notification: the SKU to read them for.</summary>
    private const char SkuOnly = '@';

    private const int BufferPerSubscriber = 256;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly ClusterBus _cluster;

    public StockStream(ClusterBus cluster, IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _cluster = cluster;
        cluster.Subscribe(Topic, Announced);
    }

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

    /// <summary>Streams a committed change here and, when the delivering transaction commits, on every other node.</summary>
    public void PublishEverywhere(StockSnapshot snapshot, UnitOfWork unitOfWork)
    {
        Publish(snapshot);
        if (!_cluster.Distributed)
        {
            // One process: nobody else to tell, so no figures to serialise on every stock change.
            return;
        }

        var body = JsonSerializer.Serialize(snapshot, Json);
        unitOfWork.Announce(Topic, System.Text.Encoding.UTF8.GetByteCount(body) < ClusterBus.MaxPayloadBytes - 100 ? body : SkuOnly + snapshot.Sku);
    }

    private void Announced(string body)
    {
        if (_subscriptions.IsEmpty)
        {
            return;
        }

        if (body.Length > 0 && body[0] == SkuOnly)
        {
            _ = PublishCurrentAsync(body[1..]);
            return;
        }

        if (JsonSerializer.Deserialize<StockSnapshot>(body, Json) is { } snapshot)
        {
            Publish(snapshot);
        }
    }

    private async Task PublishCurrentAsync(string sku)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            Publish(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetStockQuery(sku)));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The subscribers get this SKU's figures with its next change; a stream cannot report an error here.
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
