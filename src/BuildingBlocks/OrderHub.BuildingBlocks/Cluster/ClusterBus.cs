using System.Collections.Concurrent;
using System.Collections.Immutable;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Cluster;

/// <summary>
/// Tells every other OrderHub node what this node committed, through the database itself (ADR 0017): on
/// PostgreSQL a unit of work's announcements go out as <c>NOTIFY</c> in its transaction, so they reach the other
/// nodes exactly when it commits and never when it rolls back; <see cref="ClusterListener"/> hears them. SQLite
/// serves one process, so there is nobody to tell.
/// </summary>
public sealed class ClusterBus
{
    /// <summary>The PostgreSQL channel every node listens on.</summary>
    public const string Channel = "orderhub_cluster";

    /// <summary>PostgreSQL refuses payloads of 8,000 bytes or more; announcements stay well below.</summary>
    public const int MaxPayloadBytes = 7_500;

    /// <summary>The last announcement of every transaction that announced: its number on this node.</summary>
    internal const string EchoTopic = "echo";

    /// <summary>How long a writer waits, at most, to hear its own announcements back.</summary>
    private static readonly TimeSpan EchoTimeout = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, ImmutableArray<Action<string>>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _echoes = new();
    private long _lastEcho;
    private volatile bool _listening;

    public ClusterBus(DatabaseOptions options)
    {
        Distributed = options.Provider == DatabaseProvider.Postgres;
    }

    /// <summary>Tells this node's announcements apart from the others' (a node hears its own NOTIFY too).</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Whether other nodes may share the database (PostgreSQL).</summary>
    public bool Distributed { get; }

    /// <summary>
    /// Whether in-process copies of committed state may be served: always with one process; with several, only
    /// while this node hears every commit of the others. While the listener is down or reconnecting, reads go
    /// to the database.
    /// </summary>
    public bool CopiesUsable => !Distributed || _listening;

    /// <summary>Raised when the listener (re)connects: whatever was announced while it was away is unknown.</summary>
    public event Action? Resynchronising;

    /// <summary>Runs <paramref name="handler"/> with the body of every announcement of <paramref name="topic"/> made by another node.</summary>
    public void Subscribe(string topic, Action<string> handler) =>
        _handlers.AddOrUpdate(topic, _ => [handler], (_, existing) => existing.Add(handler));

    internal string Envelope(string topic, string body) => $"{NodeId}|{topic}|{body}";

    /// <summary>A new echo for a transaction about to commit announcements, and the payload that carries it.</summary>
    internal (long Echo, string Payload) NextEcho()
    {
        var echo = Interlocked.Increment(ref _lastEcho);
        _echoes[echo] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (echo, Envelope(EchoTopic, echo.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Waits until this node's listener has heard a committed transaction's announcements come back. PostgreSQL
    /// signals every listening node at that same moment, so by then the other nodes are hearing them too: a client
    /// told of the change and asking another node next finds that node's copy already dropped.
    /// </summary>
    internal async Task HeardBackAsync(long echo)
    {
        if (!_echoes.TryGetValue(echo, out var heard))
        {
            return;
        }

        try
        {
            if (_listening)
            {
                await heard.Task.WaitAsync(EchoTimeout);
            }
        }
        catch (TimeoutException)
        {
            // The listener is slow or reconnecting; it drops every copy when it is back.
        }
        finally
        {
            _echoes.TryRemove(echo, out _);
        }
    }

    /// <summary>Forgets an echo whose transaction did not commit.</summary>
    internal void Forget(long echo) => _echoes.TryRemove(echo, out _);

    /// <summary>Dispatches one notification payload heard on <see cref="Channel"/>.</summary>
    internal void Receive(string payload)
    {
        var first = payload.IndexOf('|', StringComparison.Ordinal);
        var second = first < 0 ? -1 : payload.IndexOf('|', first + 1);
        if (second < 0)
        {
            return;
        }

        if (payload.AsSpan(0, first).SequenceEqual(NodeId))
        {
            if (payload.AsSpan(first + 1, second - first - 1).SequenceEqual(EchoTopic)
                && long.TryParse(payload.AsSpan(second + 1), System.Globalization.CultureInfo.InvariantCulture, out var echo)
                && _echoes.TryGetValue(echo, out var heard))
            {
                heard.TrySetResult();
            }

            return;
        }

        if (_handlers.TryGetValue(payload[(first + 1)..second], out var handlers))
        {
            var body = payload[(second + 1)..];
            foreach (var handler in handlers)
            {
                handler(body);
            }
        }
    }

    /// <summary>The listener is connected (after <see cref="Resynchronising"/>) or lost.</summary>
    internal void SetListening(bool listening)
    {
        if (listening)
        {
            Resynchronising?.Invoke();
        }

        _listening = listening;
    }
}
