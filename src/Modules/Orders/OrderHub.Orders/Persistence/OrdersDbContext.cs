using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Domain;

namespace OrderHub.Orders.Persistence;

/// <summary>The Orders module's tables, in schema <c>orders</c>.</summary>
internal sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options)
    : ModuleDbContext(options)
{
    public const string OrderNumberSequence = "order_numbers";

    public const string AllocationsTable = "order_allocations";

    public const string PickListsTable = "pick_lists";

    public const string PickListLinesTable = "pick_list_lines";

    public const string PickListTagsTable = "pick_list_tags";

    /// <summary>At most one line not ended per order line and location: two lists never hold the same units (ADR 0030).</summary>
    public const string OpenPickLineFilter = "ended = FALSE";

    /// <summary>The same filter in T-SQL, which has no boolean literals (a bit column compares with 0).</summary>
    public const string OpenPickLineFilterSqlServer = "[ended] = 0";

    public override string SchemaName => OrdersContracts.Schema;

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderTimelineEntry> Timeline => Set<OrderTimelineEntry>();

    public DbSet<PickList> PickLists => Set<PickList>();

    public DbSet<PickListLine> PickListLines => Set<PickListLine>();

    /// <summary>
    /// On PostgreSQL and SQL Server, locks the orders' rows until the transaction ends, in key order so two writers cannot
    /// deadlock: whoever makes a pick list of them waits for the other and then reads what it committed. SQLite has a
    /// single writer at a time already (the write gate).
    /// </summary>
    public async Task LockOrdersAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (Names.IsSqlite || ids.Count == 0)
        {
            return;
        }

        var ordered = ids.Distinct().Order().ToArray();
        if (Database.IsSqlServer())
        {
            // No array parameters on SQL Server: one parameter per id.
            await Database.ExecuteSqlRawAsync(LockRowsSqlServerSql(Names, "orders", ordered.Length), ordered.Cast<object>().ToArray(), cancellationToken);
            return;
        }

        var sql = $"SELECT 1 FROM \"{Names.Schema}\".\"{Names.Table("orders")}\" WHERE id = ANY({{0}}) ORDER BY id FOR UPDATE";
        await Database.ExecuteSqlRawAsync(sql, [ordered], cancellationToken);
    }

    /// <summary>On PostgreSQL and SQL Server, locks a pick list's row until the transaction ends, so scans of one list take turns.</summary>
    public async Task LockPickListAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Names.IsSqlite)
        {
            return;
        }

        var sql = Database.IsSqlServer()
            ? LockRowsSqlServerSql(Names, PickListsTable, 1)
            : $"SELECT 1 FROM \"{Names.Schema}\".\"{Names.Table(PickListsTable)}\" WHERE id = {{0}} FOR UPDATE";
        await Database.ExecuteSqlRawAsync(sql, [id], cancellationToken);
    }

    /// <summary>
    /// T-SQL for locking rows by id until the transaction ends: UPDLOCK takes them for writing, HOLDLOCK keeps the
    /// locks to the end, ROWLOCK keeps them to the rows.
    /// </summary>
    internal static string LockRowsSqlServerSql(ModuleSchema names, string table, int count) =>
        $"SELECT 1 FROM [{names.Schema}].[{names.Table(table)}] WITH (UPDLOCK, ROWLOCK, HOLDLOCK) "
        + $"WHERE id IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"{{{i}}}"))}) ORDER BY id";

    /// <summary>
    /// The next order sequence number: a sequence on PostgreSQL and SQL Server (no lock held for the order's
    /// transaction); on SQLite, where writes are serialised anyway, the highest number plus one.
    /// </summary>
    public Task<long> NextSequenceNumberAsync(CancellationToken cancellationToken) =>
        ReadNumberAsync(NextSequenceNumberSql(Names, Database.IsSqlServer()), cancellationToken);

    // Not composed (no TOP): SQL Server refuses NEXT VALUE FOR in a statement with TOP.
    internal static string NextSequenceNumberSql(ModuleSchema names, bool sqlServer) =>
        names.IsSqlite ? $"SELECT COALESCE(MAX(sequence_number), 0) + 1 AS \"Value\" FROM \"{names.Table("orders")}\""
        : sqlServer ? $"SELECT NEXT VALUE FOR [{names.Schema}].[{OrderNumberSequence}] AS [Value]"
        : $"SELECT nextval('\"{names.Schema}\".\"{OrderNumberSequence}\"') AS \"Value\"";

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        if (!Names.IsSqlite)
        {
            modelBuilder.HasSequence<long>(OrderNumberSequence, Names.Schema);
        }

        modelBuilder.Entity<Order>(b =>
        {
            b.ToTable("orders");
            b.HasKey(x => x.Id);
            b.Property(x => x.Number).HasMaxLength(32);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.ExternalReference).HasMaxLength(100);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.HasIndex(x => x.SequenceNumber).IsUnique();
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => new { x.Storefront, x.CreatedAt });
            b.HasIndex(x => x.CreatedAt);
            b.Ignore(x => x.Total);
            b.OwnsOne(x => x.Customer, c =>
            {
                c.Property(p => p.Email).HasMaxLength(254);
                c.Property(p => p.Name).HasMaxLength(200);
                c.Property(p => p.Locale).HasMaxLength(16);
                c.Property(p => p.Segment).HasMaxLength(32);
                c.HasIndex(p => p.Email);
            });
            b.OwnsOne(x => x.ShippingAddress, a =>
            {
                a.Property(p => p.Name).HasMaxLength(200);
                a.Property(p => p.Line1).HasMaxLength(200);
                a.Property(p => p.Line2).HasMaxLength(200);
                a.Property(p => p.City).HasMaxLength(100);
                a.Property(p => p.PostalCode).HasMaxLength(20);
                a.Property(p => p.Region).HasMaxLength(100);
                a.Property(p => p.Country).HasMaxLength(2);
            });
            b.Navigation(x => x.Customer).IsRequired();
            b.Navigation(x => x.ShippingAddress).IsRequired();
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Shipments).WithOne().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Timeline).WithOne().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Allocations).WithOne().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.Allocations).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(x => x.Shipments).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(x => x.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<OrderLine>(b =>
        {
            b.ToTable("order_lines");
            b.HasKey(x => x.Id);
            b.Property(x => x.Sku).HasMaxLength(64);
            b.Property(x => x.UnitPrice).HasPrecision(18, 2);
            b.Ignore(x => x.Open);
        });

        modelBuilder.Entity<OrderAllocation>(b =>
        {
            b.ToTable(AllocationsTable);
            b.HasKey(x => new { x.OrderLineId, x.LocationCode });
            b.Property(x => x.Sku).HasMaxLength(64);
            b.Property(x => x.WarehouseCode).HasMaxLength(64);
            b.Property(x => x.LocationCode).HasMaxLength(64);
            b.Ignore(x => x.Open);
        });

        modelBuilder.Entity<Shipment>(b =>
        {
            b.ToTable("shipments");
            b.HasKey(x => x.Id);
            b.Property(x => x.WarehouseCode).HasMaxLength(64);
            b.Property(x => x.Carrier).HasMaxLength(100);
            b.Property(x => x.TrackingNumber).HasMaxLength(100);
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.ShipmentId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<ShipmentLine>(b =>
        {
            b.ToTable("shipment_lines");
            b.HasKey(x => new { x.ShipmentId, x.OrderLineId });
            b.Property(x => x.Sku).HasMaxLength(64);
        });

        modelBuilder.Entity<PickList>(b =>
        {
            b.ToTable(PickListsTable);
            b.HasKey(x => x.Id);
            b.Property(x => x.WarehouseCode).HasMaxLength(64);
            b.Property(x => x.CreatedBy).HasMaxLength(200);
            b.HasIndex(x => new { x.WarehouseCode, x.CreatedAt });
            b.Ignore(x => x.RemainingUnits);
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.PickListId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.PickListId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<PickListTag>(b =>
        {
            b.ToTable(PickListTagsTable);
            b.HasKey(x => new { x.PickListId, x.Epc });
            b.Property(x => x.Epc).HasMaxLength(64);
            b.Property(x => x.LocationCode).HasMaxLength(64);
        });

        modelBuilder.Entity<PickListLine>(b =>
        {
            b.ToTable(PickListLinesTable);
            b.HasKey(x => new { x.PickListId, x.OrderLineId, x.LocationCode });
            b.Property(x => x.Sku).HasMaxLength(64);
            b.Property(x => x.LocationCode).HasMaxLength(64);
            b.HasIndex(x => new { x.OrderLineId, x.LocationCode }).IsUnique().HasFilter(Database.IsSqlServer() ? OpenPickLineFilterSqlServer : OpenPickLineFilter);
            b.HasIndex(x => x.OrderId);
            b.Ignore(x => x.Remaining);
        });

        modelBuilder.Entity<OrderTimelineEntry>(b => b.IsTimelineOf("order_timeline", "order_id"));
    }
}
