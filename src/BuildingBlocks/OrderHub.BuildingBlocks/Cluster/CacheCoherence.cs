using Microsoft.Extensions.Hosting;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Cluster;

/// <summary>
/// Applies the other nodes' cache announcements to this node's committed-state caches, and drops all of them
/// whenever the listener (re)connects, since announcements made while it was away are lost.
/// </summary>
internal sealed class CacheCoherence(ClusterBus cluster, IEnumerable<ICommittedStateCache> caches) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var byName = caches.ToDictionary(c => c.Name, StringComparer.Ordinal);
        cluster.Subscribe(CacheAnnouncements.Topic, body =>
        {
            if (CacheAnnouncements.Parse(body) is var (name, key) && byName.TryGetValue(name, out var cache))
            {
                cache.InvalidateAnnounced(key);
            }
        });
        cluster.Resynchronising += () =>
        {
            foreach (var cache in byName.Values)
            {
                cache.Resynchronise();
            }
        };
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
