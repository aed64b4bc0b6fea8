using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.Persistence;

/// <summary>The Inventory module's tables, in schema <c>inventory</c>.</summary>
internal sealed class InventoryDbContext(DbContextOptions<InventoryDbContext> options, ModuleDbContextServices services)
    : ModuleDbContext(options, services)
{
    public override string SchemaName => InventoryContracts.Schema;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
    }
}
