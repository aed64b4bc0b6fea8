using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.Persistence;

/// <summary>The Returns module's tables, in schema <c>returns</c>.</summary>
internal sealed class ReturnsDbContext(DbContextOptions<ReturnsDbContext> options, ModuleDbContextServices services)
    : ModuleDbContext(options, services)
{
    public override string SchemaName => ReturnsContracts.Schema;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
    }
}
