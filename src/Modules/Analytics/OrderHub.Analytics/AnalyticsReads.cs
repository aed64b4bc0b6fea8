using Microsoft.EntityFrameworkCore;
using OrderHub.Analytics.Persistence;

namespace OrderHub.Analytics;

/// <summary>
/// How every analytics query reads on PostgreSQL: in its own read-only transaction whose statements are planned for
/// the window at hand. OrderHub's statements are prepared on their second use on a connection, and after five runs
/// PostgreSQL may keep one generic plan for a prepared statement. That suits the write path's statements, whose
/// parameters are keys; it does not suit a sum over a window that may be a few edge days or a whole year, whose best
/// plan depends on the dates (by SKU over 365 days: 79 ms p50 with a plan per window, 443 ms with the generic plan;
/// docs/benchmarks.md, "Returns analytics"). <c>SET LOCAL</c> holds for this transaction only, so the pooled
/// connection goes back unchanged. On SQLite and SQL Server, or inside a caller's transaction, the read runs as is.
/// </summary>
internal static class AnalyticsReads
{
    private const string PerWindowPlans = "SET TRANSACTION READ ONLY; SET LOCAL plan_cache_mode = force_custom_plan";

    /// <summary>
    /// For a read that hash-aggregates tens of thousands of groups (customers): 64 MB of work_mem so it does not
    /// spill to disk, and no parallel workers, whose partial groups would be merged by sorting them again.
    /// </summary>
    private const string WideAggregate = PerWindowPlans + "; SET LOCAL work_mem = '64MB'; SET LOCAL max_parallel_workers_per_gather = 0";

    public static async Task<T> RunAsync<T>(AnalyticsDbContext db, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken, bool wideAggregate = false)
    {
        if (db.Names.IsSqlite || db.Database.IsSqlServer() || db.Database.CurrentTransaction is not null)
        {
            return await read(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(wideAggregate ? WideAggregate : PerWindowPlans, cancellationToken);
        var result = await read(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
