using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// A change tracker's automatic change detection turned off until disposed, then put back as it was: for work that
/// looks at or adds tracked entries without needing the snapshot comparison of every tracked entity that
/// <c>Entry</c>, <c>DbSet.Local</c> and <c>Entries</c> otherwise run first.
/// </summary>
public readonly struct AutoDetectChangesPause : IDisposable
{
    private readonly ChangeTracker _tracker;
    private readonly bool _enabled;

    internal AutoDetectChangesPause(ChangeTracker tracker)
    {
        _tracker = tracker;
        _enabled = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
    }

    public void Dispose() => _tracker.AutoDetectChangesEnabled = _enabled;
}

public static class ChangeTrackerExtensions
{
    /// <summary>Turns automatic change detection off until the returned pause is disposed.</summary>
    public static AutoDetectChangesPause PauseAutoDetectChanges(this ChangeTracker tracker) => new(tracker);
}
