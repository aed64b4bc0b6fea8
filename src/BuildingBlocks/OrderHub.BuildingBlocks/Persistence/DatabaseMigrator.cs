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
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (connectionFactory.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = connectionFactory.Create();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // WAL lets readers run while one writer commits; the setting is stored in the file.
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var module in catalog.Modules)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            var pending = await PendingAsync(context, cancellationToken);
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to module {Module}: {Migrations}", pending.Count, module.Name, string.Join(", ", pending));
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
    }

    /// <summary>Modules whose migrations are not all applied; empty when the database is ready.</summary>
    public async Task<IReadOnlyList<string>> ModulesWithPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var result = new List<string>();
        foreach (var module in catalog.Modules)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            if ((await PendingAsync(context, cancellationToken)).Count > 0)
            {
                result.Add(module.Name);
            }
        }

        return result;
    }

    /// <summary>
    /// Migrations not yet applied. The history table is looked for first: querying it on an empty database
    /// would succeed only after EF logged a failed command as an error on a perfectly normal first start.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PendingAsync(DbContext context, CancellationToken cancellationToken) =>
        await context.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
            ? (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
            : context.Database.GetMigrations().ToList();
}
