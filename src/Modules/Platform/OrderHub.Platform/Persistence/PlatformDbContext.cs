using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Platform.Contracts;
using OrderHub.Platform.Domain;

namespace OrderHub.Platform.Persistence;

/// <summary>The Platform module's tables, in schema <c>platform</c>: API keys, idempotency records and the data protection key ring.</summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options)
    : ModuleDbContext(options)
{
    public override string SchemaName => PlatformContracts.Schema;

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApiKey>(b =>
        {
            b.ToTable("api_keys");
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Role).HasMaxLength(32);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.Prefix).HasMaxLength(16);
            b.Property(x => x.Hash).HasMaxLength(64);
            b.HasIndex(x => x.Hash).IsUnique();
        });

        modelBuilder.Entity<IdempotencyRecord>(b =>
        {
            b.ToTable("idempotency_records");
            b.HasKey(x => new { x.Scope, x.Key });
            b.Property(x => x.Scope).HasMaxLength(64);
            b.Property(x => x.Key).HasMaxLength(200);
            b.Property(x => x.RequestHash).HasMaxLength(64);
            b.Property(x => x.ResponseLocation).HasMaxLength(500);
            b.Property(x => x.ResponseETag).HasColumnName("response_etag").HasMaxLength(200);
            b.HasIndex(x => x.ExpiresAt);
        });

        modelBuilder.Entity<DataProtectionKeyRecord>(b =>
        {
            b.ToTable("data_protection_keys");
            b.HasKey(x => x.Id);
            b.Property(x => x.FriendlyName).HasMaxLength(200);
        });
    }
}
