using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using OrderHub.Analytics.Persistence;

namespace OrderHub.AnalyticsSeeder;

/// <summary>
/// Replaces the read model's rows with binary COPY, in one transaction. Table and column names come from the
/// module's EF model, so the loader follows the migrations rather than repeating them.
/// </summary>
internal sealed class BulkLoader(AnalyticsDbContext db)
{
    private static readonly Type[] Tables =
        [typeof(OrderFactRow), typeof(ReturnFactRow), typeof(DailyTotalsRow), typeof(DimensionCounterRow), typeof(ReasonCounterRow), typeof(CustomerCounterRow),
        typeof(DimensionMonthCounterRow), typeof(ReasonMonthCounterRow), typeof(CustomerMonthCounterRow),
        typeof(StageHourMonthCounterRow), typeof(StageDurationMonthCounterRow)];

    /// <returns>Rows written per table.</returns>
    public async Task<IReadOnlyDictionary<string, long>> LoadAsync(IEnumerable<OrderFactRow> orders, IEnumerable<ReturnFactRow> returns, CounterDeltas counters)
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var truncate = "TRUNCATE " + string.Join(", ", Tables.Select(t => Qualified(Entity(t))));
        await using (var command = new NpgsqlCommand(truncate, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        var written = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [Entity(typeof(OrderFactRow)).GetTableName()!] = await CopyEntitiesAsync(connection, Entity(typeof(OrderFactRow)), orders),
            [Entity(typeof(ReturnFactRow)).GetTableName()!] = await CopyEntitiesAsync(connection, Entity(typeof(ReturnFactRow)), returns),
        };
        foreach (var (type, keys, values, rows) in counters.Gathered())
        {
            var entity = Entity(type);
            var properties = keys.Concat(values).Select(p => entity.FindProperty(p)!).ToList();
            written[entity.GetTableName()!] = await CopyAsync(connection, entity, properties, rows.Select(r => r.Keys.Concat(r.Values.Cast<object>()).ToArray()));
        }

        await transaction.CommitAsync();
        return written;
    }

    /// <summary>What autovacuum would do after the load: statistics for the planner, and a visibility map for index-only scans.</summary>
    public async Task VacuumAnalyzeAsync()
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand($"VACUUM (ANALYZE) {Qualified(Entity(table))}", connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }

    private IEntityType Entity(Type type) => db.Model.FindEntityType(type)!;

    private static string Qualified(IEntityType entity) => $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";

    private static Task<long> CopyEntitiesAsync<T>(NpgsqlConnection connection, IEntityType entity, IEnumerable<T> rows)
        where T : class
    {
        var properties = entity.GetProperties().ToList();
        var getters = properties.Select(p => p.GetGetter()).ToList();
        return CopyAsync(connection, entity, properties, rows.Select(r => getters.Select(g => g.GetClrValue(r)).ToArray()));
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, IEntityType entity, IReadOnlyList<IProperty> properties, IEnumerable<object?[]> rows)
    {
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""));
        var types = properties.Select(p => TypeOf(p.ClrType)).ToList();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Qualified(entity)} ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null)
                {
                    await importer.WriteNullAsync();
                }
                else
                {
                    await importer.WriteAsync(row[i], types[i]);
                }
            }
        }

        return (long)await importer.CompleteAsync();
    }

    private static NpgsqlDbType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
        var t when t == typeof(string) => NpgsqlDbType.Text,
        var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
        var t when t == typeof(DateTime) => NpgsqlDbType.TimestampTz,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(long) => NpgsqlDbType.Bigint,
        var t => throw new NotSupportedException($"No COPY type for {t.Name}."),
    };
}
