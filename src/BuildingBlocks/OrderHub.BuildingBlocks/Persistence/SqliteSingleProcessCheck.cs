using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// SQLite serves one OrderHub process: its in-process copies of committed state and its write gate know only
/// their own process. The process holds an exclusive lock on <c>&lt;file&gt;.node-lock</c> while it runs, and says
/// so at startup when another process already holds it (ADR 0017).
/// </summary>
internal sealed class SqliteSingleProcessCheck(string connectionString, ILogger<SqliteSingleProcessCheck> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return Task.CompletedTask;
        }

        var lockPath = Path.GetFullPath(builder.DataSource) + ".node-lock";
        try
        {
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            logger.LogError(
                "Another OrderHub process is using the SQLite database {Path}. SQLite serves one process: stock figures and other copies would go stale and writes would collide. Stop the other process, or run several nodes on PostgreSQL (OrderHub:Database:Provider=Postgres).",
                builder.DataSource);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
