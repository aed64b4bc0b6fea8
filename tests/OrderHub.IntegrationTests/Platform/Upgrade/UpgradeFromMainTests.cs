using System.Data.Common;
using System.IO.Compression;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Platform.Upgrade;

/// <summary>
/// A database made by OrderHub as of commit a3dbf32 (the last version whose migrations were all hand-written, ADR
/// 0031), dumped after it seeded the demo shop, upgrades to this version applying only the hand-written migrations merged since (no generated DDL), ends with
/// exactly the schema of a freshly migrated database and keeps its data. The gzipped SQL dumps beside this file were
/// made by make-main-dumps.sh, which builds that commit and lets it migrate and seed an empty database.
/// </summary>
public sealed class UpgradeFromMainTests
{
    [Fact]
    public async Task A_database_made_by_the_hand_written_migrations_upgrades_with_only_the_later_ones_and_keeps_its_data()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await LoadDumpAsync(database);
        var historyBefore = await ReadAsync(database, HistorySql(database.Provider));
        var ordersSql = database.Provider == DatabaseProvider.Postgres
            ? "SELECT id::text || ' ' || number FROM orders.orders" : "SELECT id || ' ' || number FROM orders_orders";
        var ordersBefore = await ReadAsync(database, ordersSql);
        var returnsBefore = await ReadAsync(database, database.Provider == DatabaseProvider.Postgres
            ? "SELECT id::text || ' ' || rma_number FROM returns.returns" : "SELECT id || ' ' || rma_number FROM returns_returns");
        historyBefore.Count.ShouldBeGreaterThanOrEqualTo(18);
        ordersBefore.Count.ShouldBeGreaterThan(0);
        returnsBefore.Count.ShouldBeGreaterThan(0);

        await using var upgraded = new DumpedDatabaseApp(database);
        using var client = upgraded.Admin();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // What came after a3dbf32 is applied, and nothing else: the generated snapshots add no DDL of their own.
        (await ReadAsync(database, HistorySql(database.Provider))).ShouldBe(
            [.. historyBefore, .. AddedSinceDump], ignoreOrder: true);
        var monthRows = database.Provider == DatabaseProvider.Postgres
            ? "SELECT CAST(COUNT(*) AS text) FROM analytics.customer_month_counters" : "SELECT CAST(COUNT(*) AS TEXT) FROM analytics_customer_month_counters";
        int.Parse((await ReadAsync(database, monthRows)).Single(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(0, "the month counters were filled from the day counters the dump holds");
        (await ReadAsync(database, ordersSql)).ShouldBe(ordersBefore);
        foreach (var order in ordersBefore.Take(5))
        {
            var (id, number) = (order.Split(' ')[0], order.Split(' ')[1]);
            var body = await (await client.GetAsync($"/api/v1/orders/{id}")).ShouldBeAsync(HttpStatusCode.OK);
            body.GetProperty("number").GetString().ShouldBe(number);
        }

        foreach (var rma in returnsBefore.Take(5))
        {
            var (id, number) = (rma.Split(' ')[0], rma.Split(' ')[1]);
            var body = await (await client.GetAsync($"/api/v1/returns/{id}")).ShouldBeAsync(HttpStatusCode.OK);
            body.GetProperty("rmaNumber").GetString().ShouldBe(number);
        }

        await using var fresh = new OrderHubApp();
        await fresh.InitializeAsync();
        await using var upgradedScope = upgraded.Services.CreateAsyncScope();
        await using var freshScope = fresh.Services.CreateAsyncScope();
        var upgradedConnection = upgradedScope.ServiceProvider.GetRequiredService<ScopedDbConnection>();
        var freshConnection = freshScope.ServiceProvider.GetRequiredService<ScopedDbConnection>();
        await upgradedConnection.EnsureOpenAsync(CancellationToken.None);
        await freshConnection.EnsureOpenAsync(CancellationToken.None);
        foreach (var module in upgraded.Services.GetRequiredService<ModuleCatalog>().Modules.Where(m => m.Name != "Probe"))
        {
            var schema = await DescribeAsync(upgradedConnection.Connection, database.Provider, module.Schema);
            schema.ShouldNotBeEmpty();
            schema.ShouldBe(await DescribeAsync(freshConnection.Connection, database.Provider, module.Schema), $"module {module.Name}");
        }
    }

    /// <summary>
    /// The migrations merged after the dump's commit, which an upgraded database applies: the hand-written ones, then
    /// those generated per provider (ADR 0031).
    /// </summary>
    private static readonly string[] AddedSinceDump =
    [
        "analytics 20261215000100_AddMonthCounters", "orders 20261215000100_AddPickLists", "platform 20261207220333_IdempotencyAnswerETag",
    ];

    private static Task<SortedSet<string>> DescribeAsync(DbConnection connection, DatabaseProvider provider, string schema) =>
        provider == DatabaseProvider.Postgres
            ? SchemaMatchesModelTests.DescribePostgresAsync(connection, schema)
            : SchemaMatchesModelTests.DescribeSqliteAsync(connection, schema + "_");

    private static string HistorySql(DatabaseProvider provider) =>
        string.Join(" UNION ALL ", new[] { "platform", "warehouse", "inventory", "orders", "returns", "notifications", "analytics" }
            .Select(s => provider == DatabaseProvider.Postgres
                ? $"SELECT '{s} ' || \"MigrationId\" FROM \"{s}\".\"__migrations\""
                : $"SELECT '{s} ' || \"MigrationId\" FROM \"__{s}_migrations\""));

    private static async Task LoadDumpAsync(TestDatabase database)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Platform", "Upgrade",
            database.Provider == DatabaseProvider.Postgres ? "main-a3dbf32.postgres.sql.gz" : "main-a3dbf32.sqlite.sql.gz");
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // As the sqlite3 shell's .dump does: the dump lists tables by name, children before their parents.
            command.CommandText = "PRAGMA foreign_keys = OFF";
            await command.ExecuteNonQueryAsync();
        }

        await using (var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
        {
            command.CommandText = await reader.ReadToEndAsync();
        }

        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            command.CommandText = "PRAGMA foreign_key_check";
            (await command.ExecuteScalarAsync()).ShouldBeNull("every row's parent is in the dump");
        }
    }

    private static async Task<List<string>> ReadAsync(TestDatabase database, string sql)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    // Not pooled: the PostgreSQL dump sets the session's search_path, which must not reach the app's connections.
    private static DbConnection Connect(TestDatabase database) => database.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString)
        : new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);

    private sealed class DumpedDatabaseApp : OrderHubApp
    {
        public DumpedDatabaseApp(TestDatabase database) => UseDatabase(database);
    }
}
