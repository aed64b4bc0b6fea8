using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderHub.BuildingBlocks.Cluster;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.BuildingBlocks.Persistence;

public static class PersistenceRegistration
{
    public const string ConnectionStringName = "OrderHub";

    /// <summary>Registers the configured provider, the scope's shared connection and the unit of work.</summary>
    public static IServiceCollection AddOrderHubPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(options, configuration.GetConnectionString(ConnectionStringName));

        services.AddSingleton(options);
        services.AddSingleton(_ => new DatabaseConnectionFactory(options.Provider, connectionString));
        services.AddSingleton<IWriteGate>(options.Provider == DatabaseProvider.Sqlite
            ? new SerialWriteGate(options.SqliteWriteTimeout)
            : new NoWriteGate());
        services.AddScoped<ScopedDbConnection>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<ModuleDbContextServices>();
        services.TryAddSingleton<ModuleCatalog>();
        services.TryAddSingleton<IntegrationEventSerializer>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddOrderHubCluster(options);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<SqliteSingleProcessCheck>(sp, connectionString));
        }

        services.AddHostedService<CacheCoherence>();
        return services;
    }

    /// <summary>Registers a committed-state cache as a singleton, also as an <see cref="ICommittedStateCache"/> so it can be cleared with the others.</summary>
    public static IServiceCollection AddCommittedStateCache<TCache>(this IServiceCollection services)
        where TCache : class, ICommittedStateCache
    {
        services.AddSingleton(sp =>
        {
            var cache = ActivatorUtilities.CreateInstance<TCache>(sp);
            cache.AttachTo(sp.GetRequiredService<ClusterBus>());
            return cache;
        });
        services.AddSingleton<ICommittedStateCache>(sp => sp.GetRequiredService<TCache>());
        return services;
    }

    /// <summary>
    /// Registers a module's DbContext, pooled (ADR 0014), with its own migrations history. Each DI scope leases
    /// one instance from the pool and binds it to the scope's shared connection and unit of work; the scope's end
    /// returns it.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : ModuleDbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, builder) => Configure(builder, sp.GetRequiredService<DatabaseConnectionFactory>().Provider, schema));
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            try
            {
                context.Lease(sp.GetRequiredService<ModuleDbContextServices>(), sp.GetRequiredService<ScopedDbConnection>().Connection);
                return context;
            }
            catch
            {
                context.Dispose();
                throw;
            }
        });
        return services;
    }

    // The options are shared by every pooled instance, so they name no connection: each lease sets its scope's.
    internal static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string schema)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(o => o.MigrationsHistoryTable("__migrations", schema));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(o => o.MigrationsHistoryTable("__migrations", schema));
                break;
            default:
                builder.UseSqlite(o => o.MigrationsHistoryTable($"__{schema}_migrations"));
                break;
        }

        builder.ReplaceService<IModelCacheKeyFactory, ProviderAwareModelCacheKeyFactory>();
        builder.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();

        // A model change without its migration and snapshot is caught by the tests (pending model changes, schema
        // versus model), not by refusing to start a node that is already deployed.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private static string ResolveConnectionString(DatabaseOptions options, string? configured)
    {
        if (options.Provider is DatabaseProvider.Postgres or DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    $"OrderHub:Database:Provider is {options.Provider} but ConnectionStrings:OrderHub is not set.");
            }

            return configured;
        }

        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={options.SqlitePath}" : configured)
        {
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.SqliteWriteTimeout.TotalSeconds),
        };

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }

    /// <summary>The model depends on the provider (table prefixes on SQLite), so the cache key must too.</summary>
    private sealed class ProviderAwareModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), context.Database.ProviderName, designTime);
    }
}
