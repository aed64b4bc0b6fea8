using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderHub.Analytics.Contracts;
using OrderHub.Inventory.Contracts;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>
/// OrderHub runs the same statements all day; on PostgreSQL they are prepared on their second use on a connection,
/// so the server stops parsing and planning each of them again (docs/benchmarks.md, round 5).
/// </summary>
public sealed class PreparedStatementTests(OrderHubApp app) : IntegrationTest(app)
{
    [PostgresFact]
    public async Task A_statement_run_twice_on_a_connection_is_prepared_there()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<ScopedDbConnection>();
        await connection.EnsureOpenAsync(CancellationToken.None);
        var npgsql = (NpgsqlConnection)connection.Connection;
        var marker = $"prepared-{Guid.NewGuid():N}";

        for (var i = 0; i < 3; i++)
        {
            await using var command = new NpgsqlCommand($"SELECT $1::int + 1 AS \"{marker}\"", npgsql);
            command.Parameters.Add(new NpgsqlParameter { Value = i });
            (await command.ExecuteScalarAsync()).ShouldBe(i + 1);
        }

        await using var check = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%' || $1 || '%' AND statement NOT LIKE '%pg_prepared_statements%'", npgsql);
        check.Parameters.Add(new NpgsqlParameter { Value = marker });
        (await check.ExecuteScalarAsync()).ShouldBe(1L);
    }

    [PostgresFact]
    public async Task The_stock_ledger_writes_through_the_direct_row_writer_and_its_statements_are_prepared()
    {
        await StockSetup.StockedAsync(App.Admin(), "WH1", ("SKU-DW", 10));
        await using var scope = App.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<ScopedDbConnection>();
        await connection.EnsureOpenAsync(CancellationToken.None);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        // Two allocations on one connection, each its own unit of work: the second runs the same statements again, which prepares them (ADR 0032).
        foreach (var reference in new[] { "DW-1", "DW-2" })
        {
            var allocation = await mediator.Send(new AllocateStockCommand(reference, [new StockLine("SKU-DW", 2)], null, "test"));
            allocation.Succeeded.ShouldBeTrue();
        }

        await using var check = new NpgsqlCommand(
            "SELECT statement FROM pg_prepared_statements WHERE statement ~ '(INSERT INTO|UPDATE) .*(stock_levels|stock_movements|outbox_messages)' ORDER BY statement",
            (NpgsqlConnection)connection.Connection);
        var statements = new List<string>();
        await using (var reader = await check.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                statements.Add(reader.GetString(0));
            }
        }

        // An allocation's rows go with the unit of work's COMMIT, where each update checks on the server that it matched its row.
        statements.ShouldContain(s => s.StartsWith("WITH updated AS (UPDATE \"inventory\".\"stock_levels\" SET ", StringComparison.Ordinal));
        statements.ShouldContain(s => s.StartsWith("INSERT INTO \"inventory\".\"stock_movements\" (", StringComparison.Ordinal) && s.EndsWith("RETURNING \"id\"", StringComparison.Ordinal));
        statements.ShouldContain(s => s.StartsWith("INSERT INTO \"inventory\".\"outbox_messages\" (", StringComparison.Ordinal));
        statements.ShouldNotContain(s => s.Contains('@'), "EF Core's update pipeline names its parameters @p0…; none of its statements ran twice here");
        var ledger = await mediator.Send(new ListMovementsQuery("SKU-DW", new OrderHub.BuildingBlocks.Web.PageRequest()));
        ledger.Items.Where(m => m.Reference is "DW-1" or "DW-2").Select(m => m.Reference).Order().ShouldBe(["DW-1", "DW-2"]);
        ledger.Items.Select(m => m.Id).ShouldBeUnique();
    }

    [PostgresFact]
    public async Task Analytics_reads_stay_planned_for_their_window_once_prepared()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<ScopedDbConnection>();
        await connection.EnsureOpenAsync(CancellationToken.None);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        // Past the five runs after which PostgreSQL may settle on one generic plan for a prepared statement.
        for (var i = 0; i < 8; i++)
        {
            await mediator.Send(new GetReturnsAnalyticsQuery(null, null, null, ["sku", "category"]));
        }

        await using var check = new NpgsqlCommand(
            // Reads only: the pooled connection may also have run the consumers' counter upserts, whose generic plans are fine.
            "SELECT count(*), coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0) FROM pg_prepared_statements "
                + "WHERE ltrim(statement) ILIKE 'SELECT%' AND statement LIKE '%dimension_counters%' AND statement NOT LIKE '%pg_prepared_statements%'",
            (NpgsqlConnection)connection.Connection);
        await using var reader = await check.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetInt64(0).ShouldBeGreaterThan(0, "the by-dimension reads are prepared");
        reader.GetInt64(1).ShouldBe(0L, "no analytics read ran with a generic plan");
        reader.GetInt64(2).ShouldBeGreaterThanOrEqualTo(8L);
    }
}
