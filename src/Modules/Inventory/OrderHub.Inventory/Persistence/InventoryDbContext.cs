using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;

namespace OrderHub.Inventory.Persistence;

/// <summary>The Inventory module's tables, in schema <c>inventory</c>.</summary>
internal sealed class InventoryDbContext(DbContextOptions<InventoryDbContext> options)
    : ModuleDbContext(options)
{
    public const string SkusTable = "skus";
    public const string StockLevelsTable = "stock_levels";
    public const string MovementsTable = "stock_movements";
    public const string ExpectedReturnsTable = "expected_returns";
    public const int ReferenceLength = 128;

    public override string SchemaName => InventoryContracts.Schema;

    public DbSet<Sku> Skus => Set<Sku>();

    public DbSet<StockLevel> StockLevels => Set<StockLevel>();

    public DbSet<StockMovement> Movements => Set<StockMovement>();

    public DbSet<ExpectedReturn> ExpectedReturns => Set<ExpectedReturn>();

    /// <summary>
    /// Loads the SKUs and, on PostgreSQL and SQL Server, locks their rows until the transaction ends (in key order, so
    /// two writers of the same SKUs cannot deadlock), together with their stock levels and expected returns, all
    /// tracked. Every stock change of a SKU takes this lock first. SQLite has a single writer at a time already
    /// (the write gate), so plain reads suffice there.
    /// </summary>
    /// <remarks>
    /// On PostgreSQL the lock and both reads go in one round trip, as three statements of one batch: each statement
    /// of a batch takes its own snapshot, so the reads run after the lock is granted and see what the previous
    /// holder committed. Everything a stock change does before its writes then costs one round trip under the
    /// lock instead of three (docs/benchmarks.md).
    /// </remarks>
    public async Task<LockedStock> LockStockAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var ordered = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (Names.IsSqlite)
        {
            return new LockedStock(
                await Skus.Where(s => ordered.Contains(s.Id)).ToListAsync(cancellationToken),
                await LevelsOfQuery(this, ordered).ToListAsync(cancellationToken),
                await ExpectedReturnsOfQuery(this, ordered).ToListAsync(cancellationToken));
        }

        if (Database.IsSqlServer())
        {
            // No array parameters on SQL Server: one parameter per code. UPDLOCK takes the rows for writing, HOLDLOCK
            // keeps the locks (and the key range of a code that has no row yet) until the transaction ends. The reads
            // follow the lock in their own round trips.
            return new LockedStock(
                await Skus.FromSqlRaw(LockSkusSqlServerSql(Names, ordered.Count), ordered.Cast<object>().ToArray()).ToListAsync(cancellationToken),
                await LevelsOfQuery(this, ordered).ToListAsync(cancellationToken),
                await ExpectedReturnsOfQuery(this, ordered).ToListAsync(cancellationToken));
        }

        var connection = Database.GetDbConnection();
        await using var batch = connection.CreateBatch();
        batch.Transaction = Database.CurrentTransaction?.GetDbTransaction();
        string Select<T>(string lockClause) => LockedStockSql.GetOrAdd((typeof(T), Names.Schema ?? string.Empty), _ =>
        {
            var entity = Model.FindEntityType(typeof(T))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindProperty(nameof(StockLevel.Sku)) ?? entity.FindPrimaryKey()!.Properties[0];
            var columns = string.Join(", ", entity.GetProperties().Select(p => $"\"{p.GetColumnName(table)}\""));
            return $"SELECT {columns} FROM \"{entity.GetSchema()}\".\"{entity.GetTableName()}\" WHERE \"{key.GetColumnName(table)}\" = ANY($1){lockClause}";
        });
        foreach (var sql in new[] { Select<Sku>($" ORDER BY \"{SkuColumn}\" FOR UPDATE"), Select<StockLevel>(""), Select<ExpectedReturn>("") })
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.Value = ordered.ToArray();
            command.Parameters.Add(parameter);
            batch.BatchCommands.Add(command);
        }

        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var skus = await ReadTrackedAsync<Sku>(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var levels = await ReadTrackedAsync<StockLevel>(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var expected = await ReadTrackedAsync<ExpectedReturn>(reader, cancellationToken);
            return new LockedStock(skus, levels, expected);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    internal static string LockSkusSqlServerSql(ModuleSchema names, int count) =>
        $"SELECT * FROM [{names.Schema}].[{names.Table(SkusTable)}] WITH (UPDLOCK, ROWLOCK, HOLDLOCK) "
        + $"WHERE sku IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"{{{i}}}"))}) ORDER BY sku";

    private const string SkuColumn = "sku";

    // Compiled once: on SQLite every stock change runs these two, and a compiled query skips EF's per-call
    // expression-tree walk and cache lookup (docs/benchmarks.md).
    private static readonly Func<InventoryDbContext, List<string>, IAsyncEnumerable<StockLevel>> LevelsOfQuery =
        EF.CompileAsyncQuery((InventoryDbContext db, List<string> codes) => db.StockLevels.Where(l => codes.Contains(l.Sku)));

    private static readonly Func<InventoryDbContext, List<string>, IAsyncEnumerable<ExpectedReturn>> ExpectedReturnsOfQuery =
        EF.CompileAsyncQuery((InventoryDbContext db, List<string> codes) => db.ExpectedReturns.Where(r => codes.Contains(r.Sku)));

    /// <summary>The three statements of <see cref="LockStockAsync"/> per entity type and schema, built once from the model.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), string> LockedStockSql = new();

    /// <summary>
    /// Materialises the current result set as tracked entities, as a tracking query would: an entity already tracked
    /// under the same key is returned as it is, otherwise the row's values (through the model's value converters)
    /// go into a new instance attached unchanged, so the save writes only what the stock change modifies.
    /// </summary>
    private async Task<List<T>> ReadTrackedAsync<T>(System.Data.Common.DbDataReader reader, CancellationToken cancellationToken)
        where T : class
    {
        var shape = RowShapes.GetOrAdd((typeof(T), Model), static (key, reader) => RowShape.Of(key.Model.FindEntityType(key.Type)!, reader), reader);

        // Nothing here needs the change detection that DbSet.Local and Entry run first, each over every tracked entity:
        // a key look-up and a new instance's values, which the save's own detection compares later.
        using var pause = ChangeTracker.PauseAutoDetectChanges();
        var local = Set<T>().Local;
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[shape.Properties.Length];
            for (var i = 0; i < values.Length; i++)
            {
                // The row is buffered whole (no sequential access), so reading a column does not wait.
                var raw = reader.IsDBNull(shape.Ordinals[i]) ? null : reader.GetValue(shape.Ordinals[i]);
                values[i] = raw is null || shape.Converters[i] is not { } converter ? raw : converter.ConvertFromProvider(raw);
            }

            if (local.FindEntryUntyped(shape.KeyIndexes.Select(k => values[k])) is { } tracked)
            {
                rows.Add(tracked.Entity);
                continue;
            }

            var row = (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;
            var entry = Entry(row);
            var current = entry.CurrentValues;
            for (var i = 0; i < values.Length; i++)
            {
                current[shape.Properties[i]] = values[i];
            }

            entry.State = EntityState.Unchanged;
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>What <see cref="ReadTrackedAsync{T}"/> needs of an entity type and its statement, worked out once per model.</summary>
    private sealed record RowShape(IProperty[] Properties, int[] Ordinals, ValueConverter?[] Converters, int[] KeyIndexes)
    {
        public static RowShape Of(IEntityType entity, System.Data.Common.DbDataReader reader)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties().ToArray();
            return new RowShape(
                properties,
                properties.Select(p => reader.GetOrdinal(p.GetColumnName(table)!)).ToArray(),
                properties.Select(p => p.GetTypeMapping().Converter).ToArray(),
                entity.FindPrimaryKey()!.Properties.Select(k => Array.IndexOf(properties, k)).ToArray());
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Type, IModel Model), RowShape> RowShapes = new();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Sku>(b =>
        {
            b.ToTable(SkusTable);
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasColumnName("sku").HasMaxLength(ValidationRules.MaxCodeLength);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Category).HasMaxLength(100);
            b.Property(x => x.Barcode).HasMaxLength(64);
            b.Property(x => x.UnitPrice).HasPrecision(18, 2);
            b.HasIndex(x => x.Barcode).IsUnique();
            b.HasIndex(x => x.Category);
        });

        modelBuilder.Entity<StockLevel>(b =>
        {
            b.ToTable(StockLevelsTable);
            b.HasKey(x => new { x.Sku, x.LocationCode });
            b.Property(x => x.Sku).HasMaxLength(ValidationRules.MaxCodeLength);
            b.Property(x => x.LocationCode).HasMaxLength(ValidationRules.MaxCodeLength);
            b.Property(x => x.WarehouseCode).HasMaxLength(ValidationRules.MaxCodeLength);
            b.Ignore(x => x.Sellable);
            b.Ignore(x => x.Free);
        });

        modelBuilder.Entity<StockMovement>(b =>
        {
            b.ToTable(MovementsTable);
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedOnAdd();
            b.Property(x => x.Sku).HasMaxLength(ValidationRules.MaxCodeLength);
            b.Property(x => x.LocationCode).HasMaxLength(ValidationRules.MaxCodeLength);
            b.Property(x => x.Reason).HasMaxLength(64);
            b.Property(x => x.Reference).HasMaxLength(ReferenceLength);
            b.Property(x => x.Actor).HasMaxLength(200);
            b.HasIndex(x => new { x.Sku, x.Id });
            b.HasIndex(x => new { x.Reference, x.Sku });
        });

        modelBuilder.Entity<ExpectedReturn>(b =>
        {
            b.ToTable(ExpectedReturnsTable);
            b.HasKey(x => new { x.Reference, x.Sku });
            b.Property(x => x.Reference).HasMaxLength(ReferenceLength);
            b.Property(x => x.Sku).HasMaxLength(ValidationRules.MaxCodeLength);
            b.HasIndex(x => x.Sku);
        });
    }
}

/// <summary>SKUs locked for a stock change, with their stock levels and expected returns, all tracked.</summary>
internal sealed record LockedStock(List<Sku> Skus, List<StockLevel> Levels, List<ExpectedReturn> ExpectedReturns);
