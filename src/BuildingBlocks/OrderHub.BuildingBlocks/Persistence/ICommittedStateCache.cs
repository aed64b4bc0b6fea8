namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// An in-process copy of committed database state that a module keeps up to date from its own writes. When
/// the database changes behind OrderHub's back (a restore, a manual fix), every such cache must be cleared.
/// </summary>
public interface ICommittedStateCache
{
    void Clear();
}
