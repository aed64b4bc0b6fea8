using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>Applies every module's migrations at startup and reports whether any are pending.</summary>
public sealed class DatabaseMigrator(
    IServiceScopeFactory scopeFactory,
    ModuleCatalog catalog,
    DatabaseConnectionFactory connectionFactory,
    IEnumerable<IDatabaseSetupStep> setupSteps,
    ILogger<DatabaseMigrator> logger)
{
    /// <summary>The advisory lock key every OrderHub node migrates under ("OrderHub" in ASCII).</summary>
    public const long MigrationLockKey = 0x4F72646572487562;

    /// <summary>The SQL Server application lock every node migrates under, the session's like PostgreSQL's advisory lock.</summary>
    internal const string SqlServerLockSql = """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = N'OrderHub.Migrations', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1;
        IF @result < 0 THROW 50000, N'The OrderHub migration lock could not be taken.', 1;
        """;

    internal const string SqlServerUnlockSql = "EXEC sp_releaseapplock @Resource = N'OrderHub.Migrations', @LockOwner = 'Session';";

    /// <summary>Whether a module's history table exists: {0} the table, {1} the module's schema (or prefix on SQLite).</summary>
    internal const string SqliteHistoryExistsSql = "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}";

    internal const string PostgresHistoryExistsSql = "SELECT COUNT(*)::int AS \"Value\" FROM pg_catalog.pg_tables WHERE schemaname = {1} AND tablename = {0}";

    internal const string SqlServerHistoryExistsSql =
        "SELECT COUNT(*) AS [Value] FROM sys.tables AS t INNER JOIN sys.schemas AS s ON s.schema_id = t.schema_id WHERE s.name = {1} AND t.name = {0}";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = connectionFactory.Create();
        await connection.OpenAsync(cancellationToken);
        if (connectionFactory.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers run while one writer commits; the setting is stored in the file.
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            await MigrateModulesAsync(connection, cancellationToken);
            return;
        }

        if (connectionFactory.Provider == DatabaseProvider.SqlServer)
        {
            await ExecuteAsync(connection, SqlServerLockSql, cancellationToken);
            try
            {
                await MigrateModulesAsync(connection, cancellationToken);
            }
            finally
            {
                await ExecuteAsync(connection, SqlServerUnlockSql, CancellationToken.None);
            }

            return;
        }

        // Several nodes starting at once on an empty database would race to create the same schemas and history
        // tables, and the losers would fail on PostgreSQL's catalogue constraints. One migrates at a time; the
        // others wait on the lock, then find nothing pending. The lock is the session's, so a node that dies while
        // holding it releases it with its connection.
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            await MigrateModulesAsync(connection, cancellationToken);
        }
        finally
        {
            // Pooled connections are not reset on close (DatabaseConnectionFactory), so the lock is let go explicitly.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    private async Task MigrateModulesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        foreach (var module in catalog.Modules)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            var pending = await PendingAsync(context, createHistory: true, cancellationToken);
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to module {Module}: {Migrations}", pending.Count, module.Name, string.Join(", ", pending));
                await context.Database.MigrateAsync(cancellationToken);
            }
        }

        foreach (var step in setupSteps)
        {
            await step.RunAsync(connection, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Modules whose migrations are not all applied; empty when the database is ready.</summary>
    public async Task<IReadOnlyList<string>> ModulesWithPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var result = new List<string>();
        foreach (var module in catalog.Modules)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            if ((await PendingAsync(context, createHistory: false, cancellationToken)).Count > 0)
            {
                result.Add(module.Name);
            }
        }

        return result;
    }

    /// <summary>
    /// Migrations not yet applied. The history table is looked for in the catalogue first, and created when it is
    /// missing: reading it on an empty database would succeed only after EF logged a failed command as an error on
    /// a perfectly normal first start. (EF's own existence check was seen to answer yes on an empty PostgreSQL
    /// database once contexts were pooled with their connection set per lease, so it is not relied on.)
    /// </summary>
    private static async Task<IReadOnlyList<string>> PendingAsync(DbContext context, bool createHistory, CancellationToken cancellationToken)
    {
        if (await HistoryTableExistsAsync(context, cancellationToken))
        {
            return (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        }

        if (createHistory)
        {
            await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        }

        return context.Database.GetMigrations().ToList();
    }

    private static async Task<bool> HistoryTableExistsAsync(DbContext context, CancellationToken cancellationToken)
    {
        var table = context.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().Single().MigrationsHistoryTableName
            ?? HistoryRepository.DefaultTableName;
        var names = ((ModuleDbContext)context).Names;
        var sql = names.IsSqlite ? SqliteHistoryExistsSql
            : context.Database.IsSqlServer() ? SqlServerHistoryExistsSql
            : PostgresHistoryExistsSql;
        return await context.Database.SqlQueryRaw<int>(sql, table, names.Name).SingleAsync(cancellationToken) > 0;
    }
}
