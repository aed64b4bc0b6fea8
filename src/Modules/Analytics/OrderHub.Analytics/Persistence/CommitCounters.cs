using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Analytics.Persistence;

/// <summary>
/// The counter additions of a unit of work, written once right before it commits (ADR 0033). A delivery that hands
/// several events to the consumers in one transaction then locks each counter row once, all of them in the one
/// order of <see cref="CounterDeltas.FlushAsync"/>, and holds the locks for its last two exchanges only: two deliveries
/// adding to the same hot rows queue behind each other and never deadlock.
/// </summary>
internal sealed class CommitCounters(AnalyticsDbContext db, UnitOfWork unitOfWork) : ICommitWrites
{
    private readonly List<CounterDeltas> _staged = [];

    public int Staged => _staged.Count;

    /// <summary>Stages <paramref name="deltas"/> for the open unit of work's commit.</summary>
    public void Add(CounterDeltas deltas)
    {
        unitOfWork.WriteAtCommit(this);
        _staged.Add(deltas);
    }

    public void TakeBack(int mark) => _staged.RemoveRange(mark, _staged.Count - mark);

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_staged.Count == 0)
        {
            return;
        }

        var all = new CounterDeltas();
        foreach (var deltas in _staged)
        {
            all.AddAll(deltas);
        }

        await all.FlushAsync(db, cancellationToken);
        _staged.Clear();
    }
}
