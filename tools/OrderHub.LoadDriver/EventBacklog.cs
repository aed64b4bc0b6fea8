using System.Diagnostics;
using Npgsql;

namespace OrderHub.LoadDriver;

/// <summary>Integration events still waiting for delivery when a scenario ended, and how long they took to drain.</summary>
internal sealed record EventBacklogSummary(long PendingAtEnd, double DrainSeconds, bool Drained);

/// <summary>
/// Reads the modules' outboxes straight from the database: after each scenario the driver waits until every
/// event has been delivered, so the next scenario does not pay for the previous one's events, and reports how
/// far delivery had fallen behind.
/// </summary>
internal sealed class EventBacklog(string connectionString, TimeSpan? drainTimeout = null) : IDisposable
{
    private readonly TimeSpan _drainTimeout = drainTimeout ?? TimeSpan.FromMinutes(3);
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);
    private string? _query;

    /// <summary>The app's database, for other checks that read it.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>
    /// Waits until no event is pending, as long as delivery makes progress: it gives up when the backlog has not
    /// shrunk for the drain timeout (a stall), or after ten of them in all. A large backlog on a slow disk is slow,
    /// not lost.
    /// </summary>
    public async Task<EventBacklogSummary> DrainAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var atEnd = await PendingAsync();
        var pending = atEnd;
        var lastProgress = started;
        while (pending > 0 && Stopwatch.GetElapsedTime(lastProgress) < _drainTimeout && Stopwatch.GetElapsedTime(started) < _drainTimeout * 10)
        {
            await Task.Delay(100);
            var now = await PendingAsync();
            if (now < pending)
            {
                lastProgress = Stopwatch.GetTimestamp();
            }

            pending = now;
        }

        return new EventBacklogSummary(atEnd, Math.Round(pending == 0 && atEnd > 0 ? Stopwatch.GetElapsedTime(started).TotalSeconds : 0, 2), pending == 0);
    }

    private Task<long> PendingAsync() => CountAsync("Pending");

    /// <summary>Outbox messages in this status (Pending, Processed, DeadLettered) across every module.</summary>
    public async Task<long> CountAsync(string status)
    {
        _query ??= await BuildQueryAsync();
        await using var command = _dataSource.CreateCommand(_query);
        command.Parameters.AddWithValue(status);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>One count over every module schema that has an outbox, of the status given as parameter $1.</summary>
    private async Task<string> BuildQueryAsync()
    {
        var schemas = new List<string>();
        await using (var command = _dataSource.CreateCommand("SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox_messages' ORDER BY 1"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                schemas.Add(reader.GetString(0));
            }
        }

        return schemas.Count == 0
            ? "SELECT 0::bigint FROM (SELECT $1::text) p"
            : "SELECT " + string.Join(" + ", schemas.Select(s => $"(SELECT count(*) FROM \"{s}\".outbox_messages WHERE status = $1)"));
    }

    public void Dispose() => _dataSource.Dispose();
}
