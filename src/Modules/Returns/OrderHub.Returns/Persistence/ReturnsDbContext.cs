using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.OrderCopies;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.Persistence;

/// <summary>The Returns module's tables, in schema <c>returns</c>.</summary>
internal sealed class ReturnsDbContext(DbContextOptions<ReturnsDbContext> options)
    : ModuleDbContext(options)
{
    public const string RmaNumberSequence = "rma_numbers";

    public override string SchemaName => ReturnsContracts.Schema;

    public DbSet<ReturnPolicy> Policies => Set<ReturnPolicy>();

    public DbSet<OrderCopy> Orders => Set<OrderCopy>();

    public DbSet<ReturnRequest> Returns => Set<ReturnRequest>();

    public DbSet<ReturnLine> ReturnLines => Set<ReturnLine>();

    public DbSet<ReturnTimelineEntry> Timeline => Set<ReturnTimelineEntry>();

    public DbSet<PortalSession> PortalSessions => Set<PortalSession>();

    /// <summary>The policy in force: the highest stored version, or version 1, the built-in default, until one is stored.</summary>
    public async Task<ReturnPolicy> LoadCurrentPolicyAsync(CancellationToken cancellationToken) =>
        await Policies.AsNoTracking().OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken)
        ?? ReturnPolicy.BuiltIn();

    /// <summary>One version as it was stored (version 1 is the built-in default when it was never stored); null when there is no such version.</summary>
    public async Task<ReturnPolicy?> LoadPolicyVersionAsync(int version, CancellationToken cancellationToken) =>
        await Policies.AsNoTracking().SingleOrDefaultAsync(p => p.Version == version, cancellationToken)
        ?? (version == 1 ? ReturnPolicy.BuiltIn() : null);

    /// <summary>Next RMA sequence number: a sequence on PostgreSQL and SQL Server, or the highest plus one where SQLite serialises writes.</summary>
    public Task<long> NextSequenceNumberAsync(CancellationToken cancellationToken) =>
        ReadNumberAsync(NextSequenceNumberSql(Names, Database.IsSqlServer()), cancellationToken);

    // Not composed (no TOP): SQL Server refuses NEXT VALUE FOR in a statement with TOP.
    internal static string NextSequenceNumberSql(ModuleSchema names, bool sqlServer) =>
        names.IsSqlite ? $"SELECT COALESCE(MAX(sequence_number), 0) + 1 AS \"Value\" FROM \"{names.Table("returns")}\""
        : sqlServer ? $"SELECT NEXT VALUE FOR [{names.Schema}].[{RmaNumberSequence}] AS [Value]"
        : $"SELECT nextval('\"{names.Schema}\".\"{RmaNumberSequence}\"') AS \"Value\"";

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        if (!Names.IsSqlite)
        {
            modelBuilder.HasSequence<long>(RmaNumberSequence, Names.Schema);
        }

        modelBuilder.Entity<ReturnPolicy>(b =>
        {
            b.ToTable("policies");
            b.HasKey(x => x.Version);
            b.Property(x => x.Version).ValueGeneratedNever();
            b.Property(x => x.CreatedBy).HasMaxLength(200);
            b.Ignore(x => x.Rules);

            // RMAs are settled under the version they were judged under; rewriting one would change their money.
            foreach (var column in new[] { nameof(ReturnPolicy.Document), nameof(ReturnPolicy.CreatedBy), nameof(ReturnPolicy.CreatedAt) })
            {
                b.Property(column).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
            }
        });

        modelBuilder.Entity<OrderCopy>(b =>
        {
            b.ToTable("orders");
            b.HasKey(x => x.Id);
            b.Property(x => x.Number).HasMaxLength(32);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.CustomerEmail).HasMaxLength(254);
            b.Property(x => x.CustomerName).HasMaxLength(200);
            b.Property(x => x.Locale).HasMaxLength(16);
            b.Property(x => x.Segment).HasMaxLength(32);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => x.CustomerEmail);
            b.Ignore(x => x.Value);
            b.Ignore(x => x.Address);
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<OrderCopyLine>(b =>
        {
            b.ToTable("order_lines");
            b.HasKey(x => x.OrderLineId);
            b.Property(x => x.Sku).HasMaxLength(64);
            b.Property(x => x.UnitPrice).HasPrecision(18, 2);
        });

        modelBuilder.Entity<ReturnRequest>(b =>
        {
            b.ToTable("returns");
            b.HasKey(x => x.Id);
            b.Property(x => x.RmaNumber).HasMaxLength(32);
            b.Property(x => x.OrderNumber).HasMaxLength(32);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.CustomerEmail).HasMaxLength(254);
            b.Property(x => x.CustomerName).HasMaxLength(200);
            b.Property(x => x.Locale).HasMaxLength(16);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.Property(x => x.ExchangeSku).HasMaxLength(64);
            b.Property(x => x.ReviewReasons).HasMaxLength(2000);
            b.Property(x => x.RejectionReason).HasMaxLength(500);
            b.Property(x => x.WarehouseCode).HasMaxLength(32);
            b.Property(x => x.ExchangeOrderNumber).HasMaxLength(32);
            foreach (var money in new[] { nameof(ReturnRequest.ItemsValue), nameof(ReturnRequest.RestockingFee), nameof(ReturnRequest.ShippingFee),
                         nameof(ReturnRequest.StoreCreditBonus), nameof(ReturnRequest.RefundEstimate), nameof(ReturnRequest.RefundAmount), nameof(ReturnRequest.StoreCreditAmount) })
            {
                b.Property(money).HasPrecision(18, 2);
            }

            b.HasIndex(x => x.SequenceNumber).IsUnique();
            b.HasIndex(x => x.RmaNumber).IsUnique();
            b.Ignore(x => x.ShippedBackLines);
            b.Ignore(x => x.EverythingKeptByCustomer);
            b.Ignore(x => x.OrderIds);
            b.Property(x => x.RoutingReason).HasMaxLength(300);
            b.HasIndex(x => x.OrderId);
            b.HasIndex(x => x.CustomerEmail);
            b.HasIndex(x => new { x.Status, x.ShipBy });
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.ReturnId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Timeline).WithOne().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(x => x.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<ReturnLine>(b =>
        {
            b.ToTable("return_lines");
            b.HasKey(x => x.Id);
            b.Property(x => x.Sku).HasMaxLength(64);
            b.Property(x => x.Comment).HasMaxLength(1000);
            b.Property(x => x.OrderNumber).HasMaxLength(32);
            b.Property(x => x.UnitPrice).HasPrecision(18, 2);
            b.Property(x => x.RefundAmount).HasPrecision(18, 2);
            b.HasIndex(x => x.OrderLineId);
            b.HasIndex(x => x.OrderId);
        });

        modelBuilder.Entity<ReturnTimelineEntry>(b => b.IsTimelineOf("return_timeline", "return_id"));

        modelBuilder.Entity<PortalSession>(b =>
        {
            b.ToTable("portal_sessions");
            b.HasKey(x => x.TokenHash);
            b.Property(x => x.TokenHash).HasMaxLength(64);
            b.Property(x => x.Email).HasMaxLength(254);
            b.HasIndex(x => x.ExpiresAt);
        });
    }
}
