using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>
/// The hand-written migrations must produce exactly the schema the EF model expects: tables, columns with
/// their store types and nullability, primary keys, indexes and foreign keys. A model change without a
/// migration (or a migration typo) fails here, on each provider.
/// </summary>
public sealed class SchemaMatchesModelTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Migrated_schema_of_every_module_matches_its_EF_model()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        var connection = scope.ServiceProvider.GetRequiredService<ScopedDbConnection>();
        await connection.EnsureOpenAsync(CancellationToken.None);
        catalog.Modules.Count.ShouldBeGreaterThanOrEqualTo(7);

        foreach (var module in catalog.Modules)
        {
            var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
            var expected = Describe(model, context.Names);
            var actual = App.Provider == DatabaseProvider.Postgres
                ? await DescribePostgresAsync(connection.Connection, module.Schema)
                : await DescribeSqliteAsync(connection.Connection, module.Schema + "_");

            var missing = expected.Except(actual).ToList();
            var unexpected = actual.Except(expected).ToList();
            (missing.Count + unexpected.Count).ShouldBe(0,
                $"Module {module.Name}: in the model but not the database: [{string.Join("; ", missing)}]; in the database but not the model: [{string.Join("; ", unexpected)}]");
        }
    }

    private static SortedSet<string> Describe(IRelationalModel model, ModuleSchema names)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in model.Tables.Where(t => t.Schema == names.Schema))
        {
            foreach (var column in table.Columns)
            {
                result.Add($"column {table.Name}.{column.Name} {Normalize(column.StoreType)} {(column.IsNullable ? "null" : "not null")}");
            }

            result.Add($"pk {table.Name} ({string.Join(",", table.PrimaryKey!.Columns.Select(c => c.Name))})");
            foreach (var index in table.Indexes)
            {
                result.Add($"index {table.Name}.{index.Name} {(index.IsUnique ? "unique " : string.Empty)}({string.Join(",", index.Columns.Select(c => c.Name))})");
            }

            foreach (var unique in table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()))
            {
                result.Add($"index {table.Name}.{unique.Name} unique ({string.Join(",", unique.Columns.Select(c => c.Name))})");
            }

            foreach (var fk in table.ForeignKeyConstraints)
            {
                result.Add($"fk {table.Name} ({string.Join(",", fk.Columns.Select(c => c.Name))}) -> {fk.PrincipalTable.Name} ({string.Join(",", fk.PrincipalColumns.Select(c => c.Name))})");
            }
        }

        return result;
    }

    private static string Normalize(string storeType) => storeType.ToUpperInvariant();

    internal static async Task<SortedSet<string>> DescribePostgresAsync(DbConnection connection, string schema)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        await ReadAsync(connection, $"""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON a.attrelid = c.oid JOIN pg_namespace n ON c.relnamespace = n.oid
            WHERE n.nspname = '{schema}' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '__migrations'
            """, r => result.Add($"column {r.GetString(0)}.{r.GetString(1)} {Normalize(r.GetString(2))} {(r.GetBoolean(3) ? "not null" : "null")}"));
        await ReadAsync(connection, $"""
            SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary,
                   string_agg(a.attname, ',' ORDER BY k.ord)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE n.nspname = '{schema}' AND t.relname <> '__migrations'
            GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary
            """, r => result.Add(r.GetBoolean(3)
                ? $"pk {r.GetString(0)} ({r.GetString(4)})"
                : $"index {r.GetString(0)}.{r.GetString(1)} {(r.GetBoolean(2) ? "unique " : string.Empty)}({r.GetString(4)})"));
        await ReadAsync(connection, $"""
            SELECT t.relname, p.relname,
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_class p ON p.oid = con.confrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE con.contype = 'f' AND n.nspname = '{schema}'
            """, r => result.Add($"fk {r.GetString(0)} ({r.GetString(2)}) -> {r.GetString(1)} ({r.GetString(3)})"));
        return result;
    }

    internal static async Task<SortedSet<string>> DescribeSqliteAsync(DbConnection connection, string prefix)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var tables = new List<string>();
        await ReadAsync(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, {prefix.Length}) = '{prefix}'", r => tables.Add(r.GetString(0)));
        foreach (var table in tables)
        {
            var pk = new SortedDictionary<long, string>();
            await ReadAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')", r =>
            {
                result.Add($"column {table}.{r.GetString(0)} {Normalize(r.GetString(1))} {(r.GetInt64(2) == 1 ? "not null" : "null")}");
                if (r.GetInt64(3) > 0)
                {
                    pk[r.GetInt64(3)] = r.GetString(0);
                }
            });
            result.Add($"pk {table} ({string.Join(",", pk.Values)})");

            var indexes = new List<(string Name, bool Unique)>();
            await ReadAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')", r =>
            {
                if (r.GetString(2) != "pk")
                {
                    indexes.Add((r.GetString(0), r.GetInt64(1) == 1));
                }
            });
            foreach (var (name, unique) in indexes)
            {
                var columns = new List<string>();
                await ReadAsync(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno", r => columns.Add(r.GetString(0)));
                result.Add($"index {table}.{name} {(unique ? "unique " : string.Empty)}({string.Join(",", columns)})");
            }

            var foreignKeys = new SortedDictionary<long, (string Principal, List<string> From, List<string> To)>();
            await ReadAsync(connection, $"SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('{table}') ORDER BY id, seq", r =>
            {
                if (!foreignKeys.TryGetValue(r.GetInt64(0), out var fk))
                {
                    fk = (r.GetString(1), [], []);
                    foreignKeys[r.GetInt64(0)] = fk;
                }

                fk.From.Add(r.GetString(2));
                fk.To.Add(r.GetString(3));
            });
            foreach (var fk in foreignKeys.Values)
            {
                result.Add($"fk {table} ({string.Join(",", fk.From)}) -> {fk.Principal} ({string.Join(",", fk.To)})");
            }
        }

        return result;
    }

    private static async Task ReadAsync(DbConnection connection, string sql, Action<DbDataReader> row)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            row(reader);
        }
    }
}
