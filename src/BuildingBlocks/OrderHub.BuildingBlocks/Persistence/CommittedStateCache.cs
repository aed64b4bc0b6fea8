using System.Collections.Concurrent;
using OrderHub.BuildingBlocks.Cluster;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// An in-process copy of committed state, by key (ADR 0013). A writer drops its key when it registers the change
/// (<see cref="InvalidateWhenEnded"/>), before its COMMIT, and again once its transaction has ended, before it
/// answers; in between the key is being written, and reads of it go to the database without keeping what they
/// read. So no read that starts after the commit can be served the copy from before it, on this node, even a read
/// by someone who learnt of the commit from the database itself. A read that missed fills the key only if no write
/// began or ended since the read began (a generation per key), so state read before a commit can never outlive
/// it. Values must be immutable: every reader shares them. With several nodes, a write also announces the key to
/// the others when it commits, and a node serves its copy only while it hears every such announcement (ADR 0017).
/// </summary>
public class CommittedStateCache<TKey, TValue> : ICommittedStateCache
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries;
    private readonly bool _enabled;
    private readonly int _maxEntries;
    private ClusterBus? _cluster;
    private long _epoch;

    public CommittedStateCache(bool enabled = true, int maxEntries = int.MaxValue, IEqualityComparer<TKey>? comparer = null)
    {
        _enabled = enabled;
        _maxEntries = maxEntries;
        _entries = new ConcurrentDictionary<TKey, Entry>(comparer);
    }

    /// <summary>What a read remembers before it goes to the database.</summary>
    public readonly record struct Ticket(TKey Key, long Generation, bool Valid, long Epoch = 0);

    /// <summary>The name other nodes know this cache by.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>A key's copy (null when dropped), its generation, and how many open transactions are writing it.</summary>
    private sealed record Entry(long Generation, TValue? Value, int Writers = 0);

    public bool TryGet(TKey key, out TValue value, out Ticket ticket)
    {
        value = null!;
        if (!_enabled || _cluster is { CopiesUsable: false })
        {
            ticket = default;
            return false;
        }

        var epoch = Interlocked.Read(ref _epoch);
        if (_entries.TryGetValue(key, out var entry))
        {
            // While a transaction writing the key is open, its commit may already be visible: read, but keep nothing.
            ticket = new Ticket(key, entry.Generation, entry.Writers == 0, epoch);
            value = entry.Value!;
            return entry.Value is not null;
        }

        ticket = new Ticket(key, 0, true, epoch);
        return false;
    }

    /// <summary>Keeps a value read from the database, unless a write to the key ended since <paramref name="ticket"/> was taken.</summary>
    public void Fill(Ticket ticket, TValue value)
    {
        if (!ticket.Valid || ticket.Epoch != Interlocked.Read(ref _epoch))
        {
            // Read before this node lost track of the other nodes' writes: it may be older than one of them.
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

        if (_entries.TryGetValue(ticket.Key, out var current) && current.Generation == ticket.Generation && current.Value is null && current.Writers == 0)
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
    public void Invalidate(TKey key) => Change(key, 0);

    /// <summary>
    /// Drops the key at once and keeps it uncached until the unit of work's transaction has ended, committed or not,
    /// then drops it again; tells the other nodes to drop theirs when it commits.
    /// </summary>
    public void InvalidateWhenEnded(UnitOfWork unitOfWork, TKey key)
    {
        WriteBegins(key);
        unitOfWork.OnEnded(() => WriteEnded(key));
        unitOfWork.Announce(CacheAnnouncements.Topic, CacheAnnouncements.Body(Name, key.ToString() ?? string.Empty));
    }

    /// <summary>A transaction is about to change <paramref name="key"/>: drop it and serve no copy until it ends.</summary>
    internal void WriteBegins(TKey key) => Change(key, +1);

    /// <summary>The transaction that changed <paramref name="key"/> ended: drop it again, and serve copies once no other is open.</summary>
    internal void WriteEnded(TKey key) => Change(key, -1);

    /// <summary>Drops the key's copy, counting a writer in (+1) or out (-1).</summary>
    private void Change(TKey key, int writers) =>
        _entries.AddOrUpdate(
            key,
            static (_, w) => new Entry(1, null, Math.Max(0, w)),
            static (_, current, w) => new Entry(current.Generation + 1, null, Math.Max(0, current.Writers + w)),
            writers);

    /// <summary>Drops every entry. Reads under way may still fill theirs: call it when no writes or reads run.</summary>
    public void Clear() => DropAll();

    /// <summary>Drops every entry, and keeps reads already under way from putting theirs back.</summary>
    public void Resynchronise()
    {
        Interlocked.Increment(ref _epoch);
        DropAll();
    }

    /// <summary>Drops every copy; a key still being written stays marked so until its transaction ends.</summary>
    private void DropAll()
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Writers == 0)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
            else
            {
                Change(key, 0);
            }
        }
    }

    /// <summary>Another node committed a change to <paramref name="key"/>.</summary>
    public void InvalidateAnnounced(string key)
    {
        if (typeof(TKey) == typeof(string))
        {
            Invalidate((TKey)(object)key);
        }
        else
        {
            Resynchronise();
        }
    }

    /// <summary>Serves the copy only while <paramref name="cluster"/> says every other node's writes are heard.</summary>
    public void AttachTo(ClusterBus cluster) => _cluster = cluster;
}
