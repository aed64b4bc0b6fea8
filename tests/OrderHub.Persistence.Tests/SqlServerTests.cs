using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OrderHub.Analytics.ListReturningCustomers;
using OrderHub.Analytics.Persistence;
using OrderHub.Analytics.RebuildReadModel;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Persistence;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;
using OrderHub.Notifications.Sending;
using OrderHub.Orders.Persistence;
using OrderHub.Platform.Domain;
using OrderHub.Platform.Idempotency;
using OrderHub.Platform.Persistence;
using OrderHub.Returns.Persistence;

namespace OrderHub.Persistence.Tests;

/// <summary>
/// SQL Server without a SQL Server: each module's model is built with the SQL Server provider, its migrations'
/// DDL generated without a connection, and that DDL and every hand-written T-SQL statement parsed by Microsoft's
/// T-SQL parser. What this cannot show (how the statements behave on a live server) is listed in the README.
/// </summary>
public sealed class SqlServerTests
{
    private const DatabaseProvider SqlServer = DatabaseProvider.SqlServer;

    [Fact]
    public void Every_module_migrates_on_SQL_Server_with_DDL_that_parses_and_creates_its_whole_model()
    {
        foreach (var context in ModuleContexts.For(SqlServer))
        {
            using (context)
            {
                context.Database.IsSqlServer().ShouldBeTrue();
                var migrator = context.GetService<IMigrator>();
                var script = TSql.ShapeOf(TSql.Parse(migrator.GenerateScript()));
                TSql.Parse(migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));

                var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
                var tables = model.Tables.Count();
                (script.Count<CreateTableStatement>() - 1).ShouldBe(tables, $"{context.GetType().Name}: one CREATE TABLE per table, and the history's");
                script.Count<CreateIndexStatement>().ShouldBe(model.Tables.Sum(t => t.Indexes.Count()), $"{context.GetType().Name}: every index");
                script.Count<CreateSequenceStatement>().ShouldBe(model.Sequences.Count());
                script.Statements.OfType<InsertStatement>().ShouldNotBeEmpty("the history records the migration");
            }
        }
    }

    [Fact]
    public void No_SQL_Server_key_or_index_is_on_a_max_column_or_wider_than_SQL_Server_allows()
    {
        // What the parser cannot see: SQL Server refuses to index (max) columns and keys over 900 bytes (clustered
        // primary keys) or 1700 bytes (other indexes).
        foreach (var context in ModuleContexts.For(SqlServer))
        {
            using (context)
            {
                foreach (var table in context.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables)
                {
                    var keys = table.Indexes.Select(i => (i.Name, i.Columns, Limit: 1700))
                        .Concat(table.UniqueConstraints.Select(u => (u.Name, u.Columns, Limit: u.GetIsPrimaryKey() ? 900 : 1700)));
                    foreach (var (name, columns, limit) in keys)
                    {
                        columns.ShouldAllBe(c => !c.StoreType.Contains("(max)", StringComparison.OrdinalIgnoreCase), $"{table.Name}.{name}");
                        columns.Sum(c => Bytes(c.StoreType)).ShouldBeLessThanOrEqualTo(limit, $"{table.Name}.{name}: {string.Join(", ", columns.Select(c => c.StoreType))}");
                    }
                }
            }
        }
    }

    private static int Bytes(string storeType)
    {
        var open = storeType.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? storeType : storeType[..open];
        var length = open < 0 ? 0 : int.Parse(storeType[(open + 1)..storeType.IndexOfAny([',', ')'])], System.Globalization.CultureInfo.InvariantCulture);
        return name switch
        {
            "nvarchar" or "nchar" => 2 * length,
            "varchar" or "char" or "varbinary" or "binary" => length,
            "uniqueidentifier" => 16,
            "bigint" or "datetime2" or "datetime" or "float" => 8,
            "int" or "real" => 4,
            "smallint" => 2,
            "bit" or "tinyint" => 1,
            "decimal" or "numeric" => 17,
            "date" => 3,
            "datetimeoffset" => 10,
            _ => throw new InvalidOperationException($"No size known for {storeType}."),
        };
    }

    [Fact]
    public void Order_and_RMA_numbers_come_from_SQL_Server_sequences()
    {
        using var orders = ModuleContexts.Of<OrdersDbContext>(SqlServer);
        using var returns = ModuleContexts.Of<ReturnsDbContext>(SqlServer);
        orders.GetService<IDesignTimeModel>().Model.GetSequences().Select(s => $"{s.Schema}.{s.Name}").ShouldBe(["orders.order_numbers"]);
        returns.GetService<IDesignTimeModel>().Model.GetSequences().Select(s => $"{s.Schema}.{s.Name}").ShouldBe(["returns.rma_numbers"]);

        foreach (var sql in new[] { OrdersDbContext.NextSequenceNumberSql(orders.Names, sqlServer: true), ReturnsDbContext.NextSequenceNumberSql(returns.Names, sqlServer: true) })
        {
            var select = TSql.ShapeOf(TSql.Parse(sql)).Statements.ShouldHaveSingleItem().ShouldBeOfType<SelectStatement>();
            ((QuerySpecification)select.QueryExpression).SelectElements.ShouldHaveSingleItem()
                .ShouldBeOfType<SelectScalarExpression>().Expression.ShouldBeOfType<NextValueForExpression>();
        }
    }

    [Fact]
    public void SKU_rows_are_locked_for_update_until_the_transaction_ends()
    {
        using var inventory = ModuleContexts.Of<InventoryDbContext>(SqlServer);
        var shape = TSql.ShapeOf(TSql.Parse(InventoryDbContext.LockSkusSqlServerSql(inventory.Names, 3)));

        shape.Statements.ShouldHaveSingleItem().ShouldBeOfType<SelectStatement>();
        shape.Hints.ShouldBe([TableHintKind.UpdLock, TableHintKind.Rowlock, TableHintKind.HoldLock], ignoreOrder: true);
    }

    [Fact]
    public void Orders_and_pick_lists_are_locked_for_update_until_the_transaction_ends()
    {
        using var orders = ModuleContexts.Of<OrdersDbContext>(SqlServer);
        foreach (var (table, count) in new[] { ("orders", 3), (OrdersDbContext.PickListsTable, 1) })
        {
            var shape = TSql.ShapeOf(TSql.Parse(OrdersDbContext.LockRowsSqlServerSql(orders.Names, table, count)));
            shape.Statements.ShouldHaveSingleItem().ShouldBeOfType<SelectStatement>();
            shape.Hints.ShouldBe([TableHintKind.UpdLock, TableHintKind.Rowlock, TableHintKind.HoldLock], ignoreOrder: true);
        }
    }

    [Fact]
    public void The_returning_customers_page_is_ranked_and_paged_in_T_SQL()
    {
        using var analytics = ModuleContexts.Of<AnalyticsDbContext>(SqlServer);
        foreach (var storefront in new[] { false, true })
        {
            var sql = ListReturningCustomersQueryHandler.CustomersSql(analytics.Names, sqlServer: true, storefront);
            TSql.ShapeOf(TSql.Parse(sql)).Statements.ShouldHaveSingleItem().ShouldBeOfType<SelectStatement>();
            sql.ShouldContain("OFFSET {7} ROWS FETCH NEXT {6} ROWS ONLY");
        }

        TSql.Errors(ListReturningCustomersQueryHandler.CustomersSql(analytics.Names, sqlServer: false, storefront: false)).ShouldNotBeEmpty("LIMIT is not T-SQL");
    }

    [Fact]
    public void Outbox_claims_skip_rows_another_node_holds_and_return_what_they_claimed()
    {
        foreach (var context in ModuleContexts.For(SqlServer))
        {
            using (context)
            {
                var outbox = context.Model.FindEntityType(typeof(OutboxMessage))!;
                var shape = TSql.ShapeOf(TSql.Parse(OutboxDispatcher.ClaimSql(outbox, 3, OutboxDispatcher.ClaimDialect.SqlServer)));

                shape.Statements.ShouldHaveSingleItem().ShouldBeOfType<UpdateStatement>();
                shape.HasOutput.ShouldBeTrue();
                shape.Hints.ShouldContain(TableHintKind.ReadPast);
            }
        }
    }

    [Fact]
    public void Notification_and_webhook_claims_skip_held_messages_and_return_what_they_claimed()
    {
        using var notifications = ModuleContexts.Of<NotificationsDbContext>(SqlServer);
        var messages = notifications.Model.GetEntityTypes().Where(e => typeof(OutgoingMessage).IsAssignableFrom(e.ClrType)).ToList();
        messages.Count.ShouldBe(2);
        foreach (var message in messages)
        {
            var shape = TSql.ShapeOf(TSql.Parse(OutgoingMessageSender.ClaimSqlServerSql(message)));
            shape.Statements.ShouldHaveSingleItem().ShouldBeOfType<UpdateStatement>();
            shape.HasOutput.ShouldBeTrue();
            shape.Hints.ShouldContain(TableHintKind.ReadPast);
        }
    }

    [Fact]
    public void Idempotency_keys_and_analytics_counters_are_upserted_with_MERGE_under_a_range_lock()
    {
        using var platform = ModuleContexts.Of<PlatformDbContext>(SqlServer);
        var insert = TSql.ShapeOf(TSql.Parse(IdempotencyStore.InsertSql(platform.Model.FindEntityType(typeof(IdempotencyRecord))!, sqlServer: true)));
        insert.Statements.ShouldHaveSingleItem().ShouldBeOfType<MergeStatement>();
        insert.Hints.ShouldContain(TableHintKind.HoldLock);

        using var analytics = ModuleContexts.Of<AnalyticsDbContext>(SqlServer);
        CounterDeltas.RowTypes.Count().ShouldBe(9, "day and month counters of totals, dimensions, reasons and customers, and the stage-time histograms");
        foreach (var rowType in CounterDeltas.RowTypes)
        {
            var upsert = TSql.ShapeOf(TSql.Parse(CounterDeltas.UpsertSql(analytics.Model.FindEntityType(rowType)!, 100, rowType, sqlServer: true)));
            upsert.Statements.ShouldHaveSingleItem().ShouldBeOfType<MergeStatement>();
            upsert.Hints.ShouldContain(TableHintKind.HoldLock);
        }

        var rebuild = TSql.ShapeOf(TSql.Parse(RebuildReadModelCommandHandler.LockSql(analytics.Names, sqlServer: true)));
        rebuild.Count<SelectStatement>().ShouldBe(11);
        rebuild.Hints.ShouldBe([TableHintKind.TabLockX, TableHintKind.HoldLock], ignoreOrder: true);
    }

    [Fact]
    public void The_migrator_checks_for_history_tables_and_serialises_nodes_with_statements_that_parse()
    {
        TSql.ShapeOf(TSql.Parse(DatabaseMigrator.SqlServerHistoryExistsSql)).Statements.ShouldHaveSingleItem().ShouldBeOfType<SelectStatement>();
        TSql.Parse(DatabaseMigrator.SqlServerLockSql).ShouldNotBeNull();
        TSql.Parse(DatabaseMigrator.SqlServerUnlockSql).ShouldNotBeNull();
        foreach (var context in ModuleContexts.For(SqlServer))
        {
            using (context)
            {
                // Run as is by the migrator before EF migrates, so it must create the module's schema too.
                var create = TSql.ShapeOf(TSql.Parse(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript()));
                create.Count<CreateTableStatement>().ShouldBe(1);
                create.Statements.OfType<ExecuteStatement>().ShouldNotBeEmpty("the schema is created when it does not exist");
            }
        }
    }

    [Fact]
    public void The_parser_refuses_the_PostgreSQL_forms_so_these_checks_can_fail()
    {
        using var platform = ModuleContexts.Of<PlatformDbContext>(SqlServer);
        var outbox = platform.Model.FindEntityType(typeof(OutboxMessage))!;
        TSql.Errors(OutboxDispatcher.ClaimSql(outbox, 2, OutboxDispatcher.ClaimDialect.Postgres)).ShouldNotBeEmpty();
        TSql.Errors(IdempotencyStore.InsertSql(platform.Model.FindEntityType(typeof(IdempotencyRecord))!, sqlServer: false)).ShouldNotBeEmpty();
        TSql.Errors(DatabaseMigrator.PostgresHistoryExistsSql).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_SqlServer_setting_selects_the_SQL_Server_provider_and_asks_for_a_connection_string()
    {
        var settings = new Dictionary<string, string?> { ["OrderHub:Database:Provider"] = "SqlServer" };
        Should.Throw<InvalidOperationException>(() => Services(settings)).Message.ShouldContain("ConnectionStrings:OrderHub");

        settings["ConnectionStrings:OrderHub"] = "Server=127.0.0.1,1;Database=orderhub;Integrated Security=false;User ID=x;Password=y;Encrypt=false";
        using var services = Services(settings);
        using var context = services.GetRequiredService<IDbContextFactory<OrdersDbContext>>().CreateDbContext();
        context.Database.IsSqlServer().ShouldBeTrue();
        context.Names.Schema.ShouldBe("orders");
        using var connection = services.GetRequiredService<DatabaseConnectionFactory>().Create();
        connection.ShouldBeOfType<SqlConnection>();
        services.GetRequiredService<IWriteGate>().GetType().Name.ShouldBe("NoWriteGate");
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(TimeProvider.System);
        services.AddOrderHubPersistence(configuration);
        services.AddModuleDbContext<OrdersDbContext>("orders");
        return services.BuildServiceProvider();
    }
}
