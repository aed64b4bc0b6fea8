using OrderHub.BuildingBlocks.Cluster;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Tests;

/// <summary>A node's copies on a shared database: served only while the node hears the others' commits.</summary>
public sealed class ClusterCacheTests
{
    private readonly ClusterBus _bus = new(new DatabaseOptions { Provider = DatabaseProvider.Postgres });
    private readonly CommittedStateCache<string, Figures> _cache = new();

    public ClusterCacheTests()
    {
        _cache.AttachTo(_bus);
        _bus.Resynchronising += _cache.Resynchronise;
    }

    [Fact]
    public void Until_the_listener_is_connected_every_read_goes_to_the_database()
    {
        Fill("SKU-A", 5);
        _cache.TryGet("SKU-A", out _, out var ticket).ShouldBeFalse();
        ticket.Valid.ShouldBeFalse();
    }

    [Fact]
    public void While_listening_the_copy_is_served_and_losing_the_listener_bypasses_it()
    {
        _bus.SetListening(true);
        Fill("SKU-A", 5);
        _cache.TryGet("SKU-A", out var hit, out _).ShouldBeTrue();
        hit.OnHand.ShouldBe(5);

        _bus.SetListening(false);
        _cache.TryGet("SKU-A", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Reconnecting_drops_what_was_copied_before_and_what_reads_under_way_would_put_back()
    {
        _bus.SetListening(true);
        Fill("SKU-A", 5);
        _cache.TryGet("SKU-B", out _, out var readBeforeTheOutage).ShouldBeFalse();

        _bus.SetListening(false);
        _bus.SetListening(true);
        _cache.Fill(readBeforeTheOutage, new Figures("SKU-B", 1));

        _cache.TryGet("SKU-A", out _, out _).ShouldBeFalse();
        _cache.TryGet("SKU-B", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Another_nodes_announcement_drops_the_key_and_this_nodes_own_is_ignored()
    {
        _bus.SetListening(true);
        var heard = new List<string>();
        _bus.Subscribe(CacheAnnouncements.Topic, body =>
        {
            heard.Add(body);
            if (CacheAnnouncements.Parse(body) is var (_, key))
            {
                _cache.InvalidateAnnounced(key);
            }
        });
        Fill("SKU-A", 5);

        _bus.Receive(_bus.Envelope(CacheAnnouncements.Topic, CacheAnnouncements.Body("Figures", "SKU-A")));
        _cache.TryGet("SKU-A", out _, out _).ShouldBeTrue("a node's own announcement changes nothing it did not already drop");

        _bus.Receive("othernode|" + CacheAnnouncements.Topic + "|" + CacheAnnouncements.Body("Figures", "SKU-A"));
        _cache.TryGet("SKU-A", out _, out _).ShouldBeFalse();
        heard.ShouldBe([CacheAnnouncements.Body("Figures", "SKU-A")]);
    }

    private void Fill(string sku, int onHand)
    {
        _cache.TryGet(sku, out _, out var ticket);
        _cache.Fill(ticket, new Figures(sku, onHand));
    }

    public sealed record Figures(string Sku, int OnHand);
}
