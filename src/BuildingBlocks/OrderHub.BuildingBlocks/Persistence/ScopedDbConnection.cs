using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// One connection per DI scope, shared by every module's DbContext in that scope, so a command that
/// spans modules (an order reserving stock) commits or rolls back as one database transaction.
/// </summary>
public sealed class ScopedDbConnection(DatabaseConnectionFactory factory) : IAsyncDisposable, IDisposable
{
    private DbConnection? _connection;

    public DbConnection Connection => _connection ??= factory.Create();

    public async Task EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (Connection.State != System.Data.ConnectionState.Open)
        {
            await Connection.OpenAsync(cancellationToken);
        }
    }

    public void Dispose() => _connection?.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}

/// <summary>Creates connections for the configured provider.</summary>
public sealed class DatabaseConnectionFactory : IDisposable
{
    private readonly NpgsqlDataSource? _dataSource;
    private readonly string? _dedicatedConnectionString;
    private readonly string? _sqliteConnectionString;
    private readonly string? _sqlServerConnectionString;

    public DatabaseConnectionFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            // Connections carry no session state (no temporary tables, no SET), so the DISCARD ALL that Npgsql
            // sends when a pooled connection is reused is a wasted round trip on every request; it would also
            // drop the prepared statements. OrderHub runs the same few dozen statements all day, so unless the
            // connection string says otherwise they are prepared on their second use: PostgreSQL then skips
            // parsing and planning them (docs/benchmarks.md).
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
            if (!Names(connectionString, "Max Auto Prepare"))
            {
                builder.MaxAutoPrepare = 200;
                builder.AutoPrepareMinUsages = Names(connectionString, "Auto Prepare Min Usages") ? builder.AutoPrepareMinUsages : 2;
            }

            _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);

            // Long-lived connections with session state (LISTEN) must never go back to the pool, which does not reset them.
            _dedicatedConnectionString = new NpgsqlConnectionStringBuilder(builder.ConnectionString)
            {
                Pooling = false,
                MaxAutoPrepare = 0,
                KeepAlive = 5,
            }.ConnectionString;
        }
        else if (provider == DatabaseProvider.SqlServer)
        {
            _sqlServerConnectionString = connectionString;
        }
        else
        {
            _sqliteConnectionString = connectionString;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// Whether the connection string itself sets <paramref name="keyword"/>, in any of its spellings. Npgsql's own
    /// builder cannot tell: its <c>ContainsKey</c> is true for every keyword it knows, set or not.
    /// </summary>
    internal static bool Names(string connectionString, string keyword)
    {
        static string Bare(string key) => key.Replace(" ", string.Empty, StringComparison.Ordinal);
        var wanted = Bare(keyword);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(key => string.Equals(Bare(key), wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Drops the idle pooled connections (and those in use as they come back): after the server restarted or
    /// terminated the sessions they are all dead, and each would fail one more request before being noticed.
    /// </summary>
    public void ClearPool()
    {
        _dataSource?.Clear();
        if (_sqlServerConnectionString is not null)
        {
            SqlConnection.ClearAllPools();
        }
    }

    public DbConnection Create() => _dataSource is not null ? _dataSource.CreateConnection()
        : _sqlServerConnectionString is not null ? new SqlConnection(_sqlServerConnectionString)
        : new SqliteConnection(_sqliteConnectionString);

    /// <summary>
    /// A PostgreSQL connection of its own, outside the pool, for a node-wide session such as LISTEN; named so that
    /// operators can find it in <c>pg_stat_activity</c>.
    /// </summary>
    public NpgsqlConnection CreateDedicated(string applicationName) => _dedicatedConnectionString is null
        ? throw new InvalidOperationException("Dedicated connections exist on PostgreSQL only.")
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_dedicatedConnectionString) { ApplicationName = applicationName }.ConnectionString);

    public void Dispose() => _dataSource?.Dispose();
}
