using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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
}
