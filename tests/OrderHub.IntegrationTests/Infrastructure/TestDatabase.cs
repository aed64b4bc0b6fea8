using Microsoft.Data.Sqlite;
using Npgsql;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>
/// One database per application instance, cloned from a template that was migrated once per test run:
/// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL, a file copy on SQLite. The provider comes from
/// <c>ORDERHUB_TEST_PROVIDER</c> (default Sqlite); PostgreSQL needs <c>ORDERHUB_TEST_POSTGRES</c>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static readonly string TempRoot = Path.Combine(Path.GetTempPath(), "orderhub-tests", RunId);
    private static Task<string>? _template;

    private TestDatabase(DatabaseProvider provider, string name, string connectionString)
    {
        Provider = provider;
        Name = name;
        ConnectionString = connectionString;
    }

    public static DatabaseProvider ConfiguredProvider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("ORDERHUB_TEST_PROVIDER"), ignoreCase: true, out var p)
            ? p
            : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("ORDERHUB_TEST_POSTGRES")
        ?? throw new InvalidOperationException("ORDERHUB_TEST_PROVIDER=Postgres needs ORDERHUB_TEST_POSTGRES (build/test.sh sets both).");

    /// <summary>A fresh database with every migration applied.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(Func<TestDatabase, Task> migrate)
    {
        var template = await (_template ??= CreateTemplateAsync(migrate));
        return await CloneAsync(template);
    }

    /// <summary>A fresh database with nothing in it, not even a schema.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync()
    {
        var name = $"oh_{RunId}_{Guid.NewGuid():N}"[..40];
        if (ConfiguredProvider == DatabaseProvider.Postgres)
        {
            await AdminAsync($"CREATE DATABASE \"{name}\"");
            return new TestDatabase(DatabaseProvider.Postgres, name, PostgresFor(name));
        }

        Directory.CreateDirectory(TempRoot);
        var path = Path.Combine(TempRoot, name + ".db");
        return new TestDatabase(DatabaseProvider.Sqlite, name, SqliteFor(path));
    }

    private static async Task<string> CreateTemplateAsync(Func<TestDatabase, Task> migrate)
    {
        var template = await CreateEmptyAsync();
        await migrate(template);
        if (template.Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{template.Name}' AND pid <> pg_backend_pid()");
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        return template.Name;
    }

    private static async Task<TestDatabase> CloneAsync(string template)
    {
        var name = $"oh_{RunId}_{Guid.NewGuid():N}"[..40];
        if (ConfiguredProvider == DatabaseProvider.Postgres)
        {
            await CloneLock.WaitAsync();
            try
            {
                await AdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            }
            finally
            {
                CloneLock.Release();
            }

            return new TestDatabase(DatabaseProvider.Postgres, name, PostgresFor(name));
        }

        var source = Path.Combine(TempRoot, template + ".db");
        var target = Path.Combine(TempRoot, name + ".db");
        File.Copy(source, target);
        return new TestDatabase(DatabaseProvider.Sqlite, name, SqliteFor(target));
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                var path = Path.Combine(TempRoot, Name + ".db" + suffix);
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
        }
    }

    private static string PostgresFor(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = database }.ConnectionString;

    private static string SqliteFor(string path) => $"Data Source={path}";

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
