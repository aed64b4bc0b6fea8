using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Probe;
using Respawn;
using Respawn.Graph;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>
/// The real application over HTTP on its own cloned database. Tests reach it only through HTTP, except for
/// assertions on what a client cannot see (outbox rows, ledger sums), which read the database directly.
/// </summary>
public class OrderHubApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789";
    private readonly Dictionary<string, string?> _settings = new();
    private TestDatabase? _database;
    private Respawner? _respawner;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app is not initialised.");

    public DatabaseProvider Provider => Database.Provider;

    /// <summary>What the app logged at Warning and above.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Runs the app on a database the test prepared instead of a migrated clone.</summary>
    protected void UseDatabase(TestDatabase database) => _database = database;

    /// <summary>Extra configuration for a test class's app, applied before it starts.</summary>
    protected void Set(string key, string? value) => _settings[key] = value;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(async template =>
        {
            await using var migrator = new OrderHubApp();
            migrator._database = template;
            _ = migrator.Server; // starting the host applies every migration
        });
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await DisposeExternalServersAsync();
    }

    /// <summary>Stops servers a test class's app started next to it (an SMTP sink), after the app has stopped.</summary>
    protected virtual Task DisposeExternalServersAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("OrderHub:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:OrderHub", Database.ConnectionString);
        builder.UseSetting("OrderHub:Security:BootstrapAdminKey", AdminKey);
        builder.UseSetting("OrderHub:Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("OrderHub:Outbox:FirstRetryDelay", "00:00:00.100");
        builder.UseSetting("OrderHub:Outbox:MaxRetryDelay", "00:00:00.500");
        builder.UseSetting("OrderHub:Outbox:MaxAttempts", "5");
        // Tests move the clock ahead by days; the clustered schedule then treats its triggers as missed.
        builder.UseSetting("OrderHub:Scheduling:MisfireThreshold", "00:00:01");
        builder.UseSetting("OrderHub:RateLimiting:PermitsPerSecond", "100000");
        builder.UseSetting("OrderHub:RateLimiting:Burst", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(ProbeModule.Descriptor);
            services.AddModuleDbContext<ProbeDbContext>(ProbeModule.Schema);
            services.AddOrderHubHandlers([typeof(ProbeModule).Assembly]);
            services.AddSingleton<IEndpointModule, ProbeModule>();
            services.AddSingleton<ProbeConsumerFaults>();
            services.AddSingleton<ProbeObservations>();
            services.AddSingleton<ProbeGate>();
            services.AddSingleton<ProbeCrashes>();
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    public HttpClient Admin() => ClientWithKey(AdminKey);

    public HttpClient Anonymous() => CreateClient();

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Issues a key through the API and returns a client that uses it.</summary>
    public async Task<HttpClient> ClientForRoleAsync(string role, string? storefront = null)
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = $"{role}-{Guid.NewGuid():N}", role, storefront });
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<IssuedKey>();
        return ClientWithKey(issued!.Key);
    }

    /// <summary>Runs work against one module's DbContext in its own scope, for assertions and setup.</summary>
    public async Task<T> WithDbAsync<TContext, T>(Func<TContext, Task<T>> work)
        where TContext : DbContext
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    /// <summary>A module's outbox rows, oldest first: what it announced to other modules.</summary>
    public async Task<List<OrderHub.BuildingBlocks.Messaging.OutboxMessage>> OutboxAsync(string schema)
    {
        await using var scope = Services.CreateAsyncScope();
        var module = scope.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules.Single(m => m.Schema == schema);
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        var rows = await context.OutboxMessages.AsNoTracking().ToListAsync();
        return rows.OrderBy(m => m.OccurredAt).ToList();
    }

    /// <summary>
    /// Empties every table of the modules' schemas so each test starts clean, with Respawn: the list of tables
    /// and the order to empty them in are read from the database once per app, then each reset is one statement
    /// (TRUNCATE … CASCADE on PostgreSQL, DELETEs with foreign keys off on SQLite). What survives: the migrations
    /// history and EF's migration lock (or the next start would migrate again), and on PostgreSQL the quartz
    /// schema, which is not a module's (the scheduler's own state; emptying it under a running scheduler
    /// would lose its triggers). The module tables hold no seed the app needs: the admin key comes from
    /// configuration, and a generated link signing key stays loaded in the running app. The set emptied is
    /// exactly the tables of the modules' EF models, as the hand-written TRUNCATE before it emptied.
    /// </summary>
    public async Task ResetAsync()
    {
        var gate = Services.GetRequiredService<IWriteGate>();
        using var _ = await gate.EnterAsync(CancellationToken.None);
        await using var scope = Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<ScopedDbConnection>();
        await connection.EnsureOpenAsync(CancellationToken.None);
        var respawner = _respawner ??= await Respawner.CreateAsync(connection.Connection, RespawnOptions(scope.ServiceProvider));
        // The previous test's events may still be delivered in the background; their transactions lock the same
        // tables in another order, and either side may be chosen as a deadlock's victim. Emptying the tables is
        // safe to repeat, so it is retried until it goes through, within a deadline that covers a busy machine's
        // delivery of what the last test left.
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    await respawner.ResetAsync(connection.Connection);
                    return true;
                }
                catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected)
                {
                    return false;
                }
            },
            "the test database is emptied between tests",
            TimeSpan.FromSeconds(60));
        foreach (var cache in Services.GetServices<ICommittedStateCache>())
        {
            cache.Clear();
        }
    }

    private RespawnerOptions RespawnOptions(IServiceProvider services)
    {
        var modules = services.GetRequiredService<ModuleCatalog>().Modules;
        var kept = new List<Table> { new("__EFMigrationsLock") };
        foreach (var module in modules)
        {
            var context = (DbContext)services.GetRequiredService(module.DbContextType);
            var history = context.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().Single().MigrationsHistoryTableName
                ?? HistoryRepository.DefaultTableName;
            kept.Add(new Table(history));
        }

        return Provider == DatabaseProvider.Postgres
            ? new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = modules.Select(m => m.Schema).ToArray(),
                TablesToIgnore = kept.ToArray(),
                // As TRUNCATE … RESTART IDENTITY did: identity columns count from the start again.
                WithReseed = true,
            }
            : new RespawnerOptions
            {
                // SQLite has one namespace: module tables carry their schema as a name prefix, and the
                // scheduler keeps its state in memory.
                DbAdapter = DbAdapter.Sqlite,
                TablesToIgnore = kept.ToArray(),
            };
    }

    public sealed record IssuedKey(Guid Id, string Key, string Role);
}

/// <summary>Base of integration tests: a clean database before every test.</summary>
public abstract class IntegrationTest<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : OrderHubApp
{
    protected TApp App { get; } = app;

    public virtual Task InitializeAsync() => App.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Base of tests that use the default application settings.</summary>
public abstract class IntegrationTest(OrderHubApp app) : IntegrationTest<OrderHubApp>(app);
