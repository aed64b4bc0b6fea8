using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Inventory;

/// <summary><c>OrderHub:Inventory:StockWriters</c>.</summary>
internal sealed class StockWriterOptions
{
    public const string Section = "OrderHub:Inventory:StockWriters";

    /// <summary>
    /// Units of work of one node that may hold or wait for SKU locks at once on PostgreSQL; 0 lets all in.
    /// Four per core: enough to keep the database busy while some wait for the app, few enough that lock waits stay short.
    /// </summary>
    public int MaxConcurrent { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>How long a unit of work waits for its turn before it goes ahead anyway (the gate never blocks for good).</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Bounds the units of work of this node that take SKU locks on PostgreSQL at the same time, in arrival order. An order
/// locks several SKUs one after the other, so when many writers run at once, one that waits for a SKU already holds
/// the others, and a queue of lock waits forms behind every holder while the holder itself waits for its turn on the
/// app's busy cores between its round trips: the latency of a few requests multiplies (docs/benchmarks.md measured p99
/// at 7 × p50 with 32 clients on 30 SKUs, the database showing most sessions waiting for a SKU row lock and the
/// holders idle in transaction). Waiting here instead holds no lock, so the few units of work inside finish fast.
/// The gate is a throughput device only: the row locks still guarantee correctness, so after
/// <see cref="StockWriterOptions.MaxWait"/> a unit of work goes ahead without its turn rather than ever wait for good
/// (a holder may itself wait for a row a waiting unit of work locked before it came here). SQLite lets one writer in
/// at a time already (<see cref="IWriteGate"/>).
/// </summary>
internal sealed class StockWriterGate(DatabaseOptions database, StockWriterOptions options) : IDisposable
{
    private readonly SemaphoreSlim? _turns = database.Provider == DatabaseProvider.Postgres && options.MaxConcurrent > 0
        ? new SemaphoreSlim(options.MaxConcurrent, options.MaxConcurrent)
        : null;

    /// <summary>
    /// Waits for a turn, held until the unit of work's transaction ends; a unit of work that already has one (it locks
    /// SKUs a second time) goes straight on.
    /// </summary>
    public async ValueTask EnterAsync(UnitOfWork unitOfWork, Turn turn, CancellationToken cancellationToken)
    {
        if (_turns is null || turn.Held || !unitOfWork.InTransaction)
        {
            return;
        }

        var entered = await _turns.WaitAsync(options.MaxWait, cancellationToken);
        turn.Held = true;
        unitOfWork.OnEnded(() =>
        {
            turn.Held = false;
            if (entered)
            {
                _turns.Release();
            }
        });
    }

    public void Dispose() => _turns?.Dispose();

    /// <summary>Whether the scope's unit of work has its turn (one per scope, like the unit of work).</summary>
    internal sealed class Turn
    {
        public bool Held { get; set; }
    }
}
