using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.Persistence;

/// <summary>The Warehouse module's tables, in schema <c>warehouse</c>.</summary>
internal sealed class WarehouseDbContext(DbContextOptions<WarehouseDbContext> options, ModuleDbContextServices services)
    : ModuleDbContext(options, services)
{
    public override string SchemaName => WarehouseContracts.Schema;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
    }
}
