using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Tests;

public sealed class CommittedStateCacheTests
{
    private readonly CommittedStateCache<string, Figures> _cache = new();

    [Fact]
    public void A_read_that_missed_fills_the_entry_and_the_next_read_hits_it()
    {
        _cache.TryGet("SKU-A", out _, out var ticket).ShouldBeFalse();
        _cache.Fill(ticket, Snapshot("SKU-A", 5));

        _cache.TryGet("SKU-A", out var hit, out _).ShouldBeTrue();
        hit.OnHand.ShouldBe(5);
    }

    [Fact]
    public void A_write_ending_drops_the_entry()
    {
        Fill("SKU-A", 5);

        _cache.Invalidate("SKU-A");

        _cache.TryGet("SKU-A", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Figures_read_before_a_write_ended_are_not_kept_when_the_sku_was_not_cached()
    {
        _cache.TryGet("SKU-A", out _, out var ticket).ShouldBeFalse();
        _cache.Invalidate("SKU-A"); // a write commits while the read is at the database

        _cache.Fill(ticket, Snapshot("SKU-A", 5));

        _cache.TryGet("SKU-A", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Figures_read_before_a_write_ended_are_not_kept_after_an_earlier_invalidation()
    {
        Fill("SKU-A", 5);
        _cache.Invalidate("SKU-A");
        _cache.TryGet("SKU-A", out _, out var ticket).ShouldBeFalse();
        _cache.Invalidate("SKU-A");

        _cache.Fill(ticket, Snapshot("SKU-A", 6));

        _cache.TryGet("SKU-A", out _, out _).ShouldBeFalse();
        _cache.TryGet("SKU-A", out _, out var fresh).ShouldBeFalse();
        _cache.Fill(fresh, Snapshot("SKU-A", 7));
        _cache.TryGet("SKU-A", out var hit, out _).ShouldBeTrue();
        hit.OnHand.ShouldBe(7);
    }

    [Fact]
    public void Figures_filled_just_before_the_write_ended_are_dropped_by_it()
    {
        _cache.TryGet("SKU-A", out _, out var ticket).ShouldBeFalse();
        _cache.Fill(ticket, Snapshot("SKU-A", 5)); // read before the commit, filled before the invalidation

        _cache.Invalidate("SKU-A");

        _cache.TryGet("SKU-A", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Switched_off_it_never_answers_and_full_it_keeps_no_new_skus()
    {
        var off = new CommittedStateCache<string, Figures>(enabled: false);
        off.TryGet("SKU-A", out _, out var ticket).ShouldBeFalse();
        off.Fill(ticket, Snapshot("SKU-A", 1));
        off.TryGet("SKU-A", out _, out _).ShouldBeFalse();

        var small = new CommittedStateCache<string, Figures>(maxEntries: 1);
        small.TryGet("SKU-A", out _, out var a).ShouldBeFalse();
        small.Fill(a, Snapshot("SKU-A", 1));
        small.TryGet("SKU-B", out _, out var b).ShouldBeFalse();
        small.Fill(b, Snapshot("SKU-B", 1));
        small.TryGet("SKU-A", out _, out _).ShouldBeTrue();
        small.TryGet("SKU-B", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Clear_drops_every_entry()
    {
        Fill("SKU-A", 1);
        Fill("SKU-B", 2);

        _cache.Clear();

        _cache.TryGet("SKU-A", out _, out _).ShouldBeFalse();
        _cache.TryGet("SKU-B", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void While_a_transaction_writes_a_key_reads_of_it_are_not_served_the_copy_and_keep_nothing()
    {
        Fill("SKU-A", 5);

        _cache.WriteBegins("SKU-A"); // before the COMMIT: from here on it may be visible in the database
        _cache.TryGet("SKU-A", out _, out var during).ShouldBeFalse();
        _cache.Fill(during, Snapshot("SKU-A", 6));
        _cache.TryGet("SKU-A", out _, out _).ShouldBeFalse("a read while the write is open keeps nothing");

        _cache.WriteEnded("SKU-A");
        _cache.Fill(during, Snapshot("SKU-A", 6));
        _cache.TryGet("SKU-A", out _, out var after).ShouldBeFalse("nor once it ended");
        _cache.Fill(after, Snapshot("SKU-A", 7));
        _cache.TryGet("SKU-A", out var hit, out _).ShouldBeTrue();
        hit.OnHand.ShouldBe(7);
    }

    [Fact]
    public void Overlapping_writes_of_a_key_keep_it_uncached_until_the_last_ends_even_across_a_clear()
    {
        _cache.WriteBegins("SKU-A");
        _cache.WriteBegins("SKU-A");
        _cache.WriteEnded("SKU-A");
        _cache.Clear();
        _cache.Resynchronise();

        _cache.TryGet("SKU-A", out _, out var ticket).ShouldBeFalse();
        _cache.Fill(ticket, Snapshot("SKU-A", 1));
        _cache.TryGet("SKU-A", out _, out _).ShouldBeFalse("one write is still open");

        _cache.WriteEnded("SKU-A");
        _cache.TryGet("SKU-A", out _, out ticket).ShouldBeFalse();
        _cache.Fill(ticket, Snapshot("SKU-A", 2));
        _cache.TryGet("SKU-A", out var hit, out _).ShouldBeTrue();
        hit.OnHand.ShouldBe(2);
    }

    private void Fill(string sku, int onHand)
    {
        _cache.TryGet(sku, out _, out var ticket);
        _cache.Fill(ticket, Snapshot(sku, onHand));
    }

    [Fact]
    public async Task GetOrLoad_reads_once_then_answers_from_the_copy_until_a_write_ends()
    {
        var loads = 0;
        Task<Figures> Load(CancellationToken _) => Task.FromResult(new Figures("SKU-A", ++loads));

        (await _cache.GetOrLoadAsync("SKU-A", Load, CancellationToken.None)).OnHand.ShouldBe(1);
        (await _cache.GetOrLoadAsync("SKU-A", Load, CancellationToken.None)).OnHand.ShouldBe(1);
        _cache.Invalidate("SKU-A");
        (await _cache.GetOrLoadAsync("SKU-A", Load, CancellationToken.None)).OnHand.ShouldBe(2);
        loads.ShouldBe(2);
    }

    private static Figures Snapshot(string sku, int onHand) => new(sku, onHand);

    public sealed record Figures(string Sku, int OnHand);
}
