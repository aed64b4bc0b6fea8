using Npgsql;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>
/// Plain SQL on a PostgreSQL test database, for what EF Core does not express: the statement-level triggers that
/// count what a delivery wrote, say.
/// </summary>
public static class PostgresSql
{
    public static async Task ExecuteSqlAsync(this TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text.</summary>
    public static async Task<List<string>> TextsAsync(this TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
