using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Domain;

namespace OrderHub.Warehouse.Persistence;

/// <summary>The Warehouse module's tables, in schema <c>warehouse</c>.</summary>
internal sealed class WarehouseDbContext(DbContextOptions<WarehouseDbContext> options)
    : ModuleDbContext(options)
{
    public const int CodeLength = 64;

    public override string SchemaName => WarehouseContracts.Schema;

    public DbSet<WarehouseSite> Warehouses => Set<WarehouseSite>();

    public DbSet<Location> Locations => Set<Location>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WarehouseSite>(b =>
        {
            b.ToTable("warehouses");
            b.HasKey(x => x.Id);
            b.Property(x => x.Code).HasMaxLength(CodeLength);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.AddressLine1).HasMaxLength(200);
            b.Property(x => x.AddressLine2).HasMaxLength(200);
            b.Property(x => x.City).HasMaxLength(100);
            b.Property(x => x.Region).HasMaxLength(100);
            b.Property(x => x.PostalCode).HasMaxLength(32);
            b.Property(x => x.Country).HasMaxLength(2);
            b.Ignore(x => x.Address);
            b.HasIndex(x => x.Code).IsUnique();
        });

        modelBuilder.Entity<Location>(b =>
        {
            b.ToTable("locations");
            b.HasKey(x => x.Id);
            b.Property(x => x.Code).HasMaxLength(CodeLength);
            b.Property(x => x.Sku).HasMaxLength(CodeLength);
            b.HasIndex(x => x.Code).IsUnique();
            b.HasOne<WarehouseSite>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
