using System.Collections.Concurrent;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.Stock;

/// <summary>
/// The latest committed stock figures per SKU, so stock reads need no database round trip (ADR 0013). Every
/// stock write drops the SKU's entry once its transaction has ended, before the write's response is sent; a
/// read that missed fills the entry only if no write ended since the read began (a generation per SKU), so a
/// figure read before a commit can never outlive it.
/// </summary>
internal sealed class StockReadCache(StockReadCacheOptions options) : ICommittedStateCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>What a read remembers before it goes to the database.</summary>
    internal readonly record struct Ticket(string Sku, long Generation);

    private sealed record Entry(long Generation, StockSnapshot? Snapshot);

    public bool TryGet(string sku, out StockSnapshot snapshot, out Ticket ticket)
    {
        if (!options.Enabled)
        {
            snapshot = null!;
            ticket = default;
            return false;
        }

        if (_entries.TryGetValue(sku, out var entry))
        {
            ticket = new Ticket(sku, entry.Generation);
            snapshot = entry.Snapshot!;
            return entry.Snapshot is not null;
        }

        ticket = new Ticket(sku, 0);
        snapshot = null!;
        return false;
    }

    /// <summary>Keeps figures read from the database, unless a write to the SKU ended since <paramref name="ticket"/> was taken.</summary>
    public void Fill(Ticket ticket, StockSnapshot snapshot)
    {
        if (!options.Enabled || ticket.Sku is null)
        {
            return;
        }

        if (ticket.Generation == 0)
        {
            if (_entries.Count < options.MaxEntries)
            {
                _entries.TryAdd(ticket.Sku, new Entry(0, snapshot));
            }

            return;
        }

        if (_entries.TryGetValue(ticket.Sku, out var current) && current.Generation == ticket.Generation && current.Snapshot is null)
        {
            _entries.TryUpdate(ticket.Sku, current with { Snapshot = snapshot }, current);
        }
    }

    /// <summary>Drops the SKU's figures; any read already under way will not put its (possibly older) figures back.</summary>
    public void Invalidate(string sku) =>
        _entries.AddOrUpdate(sku, static _ => new Entry(1, null), static (_, current) => new Entry(current.Generation + 1, null));

    /// <summary>Drops every entry. Reads under way may still fill theirs: call it when no writes or reads run.</summary>
    public void Clear() => _entries.Clear();
}

/// <summary><c>OrderHub:Inventory:StockReadCache</c>.</summary>
internal sealed class StockReadCacheOptions
{
    public const string Section = "OrderHub:Inventory:StockReadCache";

    /// <summary>
    /// Off when several OrderHub processes write to one database: each process only hears of its own writes.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>SKUs kept at most; reads of further SKUs go to the database.</summary>
    public int MaxEntries { get; set; } = 200_000;
}
