using Microsoft.EntityFrameworkCore;
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
    /// Loads the SKUs and, on PostgreSQL and SQL Server, locks their rows until the transaction ends (in key order, so two
    /// writers of the same SKUs cannot deadlock). Every stock change of a SKU takes this lock first. SQLite
    /// has a single writer at a time already (the write gate), so a plain read suffices there.
    /// </summary>
    public Task<List<Sku>> LockSkusAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var ordered = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (Names.IsSqlite)
        {
            return Skus.Where(s => ordered.Contains(s.Id)).ToListAsync(cancellationToken);
        }

        if (Database.IsSqlServer())
        {
            // No array parameters on SQL Server: one parameter per code. UPDLOCK takes the rows for writing, HOLDLOCK
            // keeps the locks (and the key range of a code that has no row yet) until the transaction ends.
            return Skus.FromSqlRaw(LockSkusSqlServerSql(Names, ordered.Length), ordered.Cast<object>().ToArray()).ToListAsync(cancellationToken);
        }

        var sql = $"SELECT * FROM \"{Names.Schema}\".\"{Names.Table(SkusTable)}\" WHERE sku = ANY({{0}}) ORDER BY sku FOR UPDATE";
        // Cast: a string[] would otherwise be taken as the params array itself rather than one array parameter.
        return Skus.FromSqlRaw(sql, (object)ordered).ToListAsync(cancellationToken);
    }

    internal static string LockSkusSqlServerSql(ModuleSchema names, int count) =>
        $"SELECT * FROM [{names.Schema}].[{names.Table(SkusTable)}] WITH (UPDLOCK, ROWLOCK, HOLDLOCK) "
        + $"WHERE sku IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"{{{i}}}"))}) ORDER BY sku";

    // Compiled once: every stock change runs these two, and a compiled query skips EF's per-call expression-tree
    // walk and cache lookup (docs/benchmarks.md).
    private static readonly Func<InventoryDbContext, List<string>, IAsyncEnumerable<StockLevel>> LevelsOfQuery =
        EF.CompileAsyncQuery((InventoryDbContext db, List<string> codes) => db.StockLevels.Where(l => codes.Contains(l.Sku)));

    private static readonly Func<InventoryDbContext, List<string>, IAsyncEnumerable<ExpectedReturn>> ExpectedReturnsOfQuery =
        EF.CompileAsyncQuery((InventoryDbContext db, List<string> codes) => db.ExpectedReturns.Where(r => codes.Contains(r.Sku)));

    /// <summary>The stock levels of these SKUs, tracked.</summary>
    public Task<List<StockLevel>> LevelsOfAsync(List<string> codes, CancellationToken cancellationToken) =>
        LevelsOfQuery(this, codes).ToListAsync(cancellationToken).AsTask();

    /// <summary>The returns expected for these SKUs, tracked.</summary>
    public Task<List<ExpectedReturn>> ExpectedReturnsOfAsync(List<string> codes, CancellationToken cancellationToken) =>
        ExpectedReturnsOfQuery(this, codes).ToListAsync(cancellationToken).AsTask();

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
