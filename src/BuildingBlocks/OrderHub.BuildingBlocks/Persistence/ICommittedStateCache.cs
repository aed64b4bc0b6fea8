using OrderHub.BuildingBlocks.Cluster;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// An in-process copy of committed database state that a module keeps up to date from its own writes and the
/// other nodes' announcements. When the database changes behind OrderHub's back (a restore, a manual fix),
/// every such cache must be cleared.
/// </summary>
public interface ICommittedStateCache
{
    /// <summary>The name other nodes know this cache by.</summary>
    string Name { get; }

    void Clear();

    /// <summary>Drops every entry, and keeps reads already under way from putting theirs back.</summary>
    void Resynchronise();

    /// <summary>Another node committed a change to <paramref name="key"/>.</summary>
    void InvalidateAnnounced(string key);

    void AttachTo(ClusterBus cluster);
}

/// <summary>How caches announce a changed key to the other nodes: <c>cache|&lt;name&gt;\u001f&lt;key&gt;</c>.</summary>
public static class CacheAnnouncements
{
    public const string Topic = "cache";
    private const char Separator = '\u001f';

    public static string Body(string cache, string key) => cache + Separator + key;

    public static (string Cache, string Key)? Parse(string body)
    {
        var at = body.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? null : (body[..at], body[(at + 1)..]);
    }
}
