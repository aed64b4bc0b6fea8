using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
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

    /// <summary>A node saying it has applied another node's transaction: <c>&lt;writer&gt;:&lt;echo&gt;</c>.</summary>
    internal const string AckTopic = "ack";

    /// <summary>A node whose listener just connected: the others count their peers again.</summary>
    internal const string HelloTopic = "hello";

    /// <summary>How long a writer waits, at most, for every listening node to apply its announcements.</summary>
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, ImmutableArray<Action<string>>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, PendingEcho> _echoes = new();
    private readonly ConcurrentQueue<string> _acksToSend = new();
    private long _lastEcho;
    private volatile int _peers;
    private volatile bool _recountPeers;
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

    /// <summary>The other nodes listening right now, as last counted by the listener.</summary>
    internal int Peers
    {
        get => _peers;
        set => _peers = value;
    }

    /// <summary>Whether the listener should count the peers again (a node joined, or one stopped answering).</summary>
    internal bool TakeRecountRequest()
    {
        var requested = _recountPeers;
        _recountPeers = false;
        return requested;
    }

    /// <summary>Acknowledgements the listener sends once it has applied what it heard.</summary>
    internal List<string> TakeAcks()
    {
        var acks = new List<string>();
        while (_acksToSend.TryDequeue(out var ack))
        {
            acks.Add(ack);
        }

        return acks;
    }

    internal string Hello() => Envelope(HelloTopic, NodeId);

    /// <summary>A new echo for a transaction about to commit announcements, and the payload that carries it.</summary>
    internal (long Echo, string Payload) NextEcho()
    {
        var echo = Interlocked.Increment(ref _lastEcho);
        _echoes[echo] = new PendingEcho(_peers);
        return (echo, Envelope(EchoTopic, echo.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Waits until this node's listener has heard a committed transaction's announcements come back and every other
    /// listening node has acknowledged applying them: a client told of the change and asking any node next finds
    /// that node's copy already dropped. A node that does not answer within a second is counted again.
    /// </summary>
    internal async Task HeardBackAsync(long echo)
    {
        if (!_echoes.TryGetValue(echo, out var pending))
        {
            return;
        }

        try
        {
            // With no other node listening there is nobody whose copy must be dropped first: this node drops its own
            // in-process when the transaction ends, and hearing its own echo back would only add the listener's
            // round trip (two process wake-ups) to every write request.
            if (_listening && pending.Peers > 0)
            {
                await pending.Applied.Task.WaitAsync(AckTimeout);
            }
        }
        catch (TimeoutException)
        {
            // A node stopped (its count is stale) or is slow; either way the peers are counted again.
            _recountPeers = true;
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

        var node = payload[..first];
        var topic = payload.AsSpan(first + 1, second - first - 1);
        var body = payload[(second + 1)..];
        var own = node == NodeId;
        if (topic.SequenceEqual(EchoTopic))
        {
            if (own)
            {
                Heard(body);
            }
            else
            {
                // Everything the writer's transaction announced came before its echo and has been applied.
                _acksToSend.Enqueue(Envelope(AckTopic, $"{node}:{body}"));
            }

            return;
        }

        if (own)
        {
            return;
        }

        if (topic.SequenceEqual(AckTopic))
        {
            var colon = body.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && body.AsSpan(0, colon).SequenceEqual(NodeId))
            {
                Heard(body[(colon + 1)..]);
            }

            return;
        }

        if (topic.SequenceEqual(HelloTopic))
        {
            _recountPeers = true;
            return;
        }

        if (_handlers.TryGetValue(topic.ToString(), out var handlers))
        {
            foreach (var handler in handlers)
            {
                handler(body);
            }
        }
    }

    private void Heard(string echoText)
    {
        if (long.TryParse(echoText, CultureInfo.InvariantCulture, out var echo) && _echoes.TryGetValue(echo, out var pending))
        {
            pending.Heard();
        }
    }

    /// <summary>A committed transaction's echo: applied once this node heard it back and every peer acknowledged it.</summary>
    private sealed class PendingEcho(int peers)
    {
        private int _awaited = peers + 1;

        public int Peers { get; } = peers;

        public TaskCompletionSource Applied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Heard()
        {
            if (Interlocked.Decrement(ref _awaited) <= 0)
            {
                Applied.TrySetResult();
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
