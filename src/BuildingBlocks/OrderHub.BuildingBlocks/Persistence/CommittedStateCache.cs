using System.Collections.Concurrent;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// An in-process copy of committed state, by key (ADR 0013). Writers drop a key once their transaction has
/// ended (<see cref="InvalidateWhenEnded"/>), before they answer; a read that missed fills the key only if no
/// write ended since the read began (a generation per key), so state read before a commit can never outlive
/// it. Values must be immutable: every reader shares them.
/// </summary>
public class CommittedStateCache<TKey, TValue> : ICommittedStateCache
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries;
    private readonly bool _enabled;
    private readonly int _maxEntries;

    public CommittedStateCache(bool enabled = true, int maxEntries = int.MaxValue, IEqualityComparer<TKey>? comparer = null)
    {
        _enabled = enabled;
        _maxEntries = maxEntries;
        _entries = new ConcurrentDictionary<TKey, Entry>(comparer);
    }

    /// <summary>What a read remembers before it goes to the database.</summary>
    public readonly record struct Ticket(TKey Key, long Generation, bool Valid);

    private sealed record Entry(long Generation, TValue? Value);

    public bool TryGet(TKey key, out TValue value, out Ticket ticket)
    {
        value = null!;
        if (!_enabled)
        {
            ticket = default;
            return false;
        }

        if (_entries.TryGetValue(key, out var entry))
        {
            ticket = new Ticket(key, entry.Generation, true);
            value = entry.Value!;
            return entry.Value is not null;
        }

        ticket = new Ticket(key, 0, true);
        return false;
    }

    /// <summary>Keeps a value read from the database, unless a write to the key ended since <paramref name="ticket"/> was taken.</summary>
    public void Fill(Ticket ticket, TValue value)
    {
        if (!ticket.Valid)
        {
            return;
        }

        if (ticket.Generation == 0)
        {
            if (_entries.Count < _maxEntries)
            {
                _entries.TryAdd(ticket.Key, new Entry(0, value));
            }

            return;
        }

        if (_entries.TryGetValue(ticket.Key, out var current) && current.Generation == ticket.Generation && current.Value is null)
        {
            _entries.TryUpdate(ticket.Key, current with { Value = value }, current);
        }
    }

    /// <summary>The cached value, or what <paramref name="load"/> reads (kept for the next read unless a write raced it).</summary>
    public async Task<TValue> GetOrLoadAsync(TKey key, Func<CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        if (TryGet(key, out var cached, out var ticket))
        {
            return cached;
        }

        var value = await load(cancellationToken);
        Fill(ticket, value);
        return value;
    }

    /// <summary>Drops the key; any read already under way will not put its (possibly older) value back.</summary>
    public void Invalidate(TKey key) =>
        _entries.AddOrUpdate(key, static _ => new Entry(1, null), static (_, current) => new Entry(current.Generation + 1, null));

    /// <summary>Drops the key once the unit of work's transaction has ended, committed or not.</summary>
    public void InvalidateWhenEnded(UnitOfWork unitOfWork, TKey key) => unitOfWork.OnEnded(() => Invalidate(key));

    /// <summary>Drops every entry. Reads under way may still fill theirs: call it when no writes or reads run.</summary>
    public void Clear() => _entries.Clear();
}
