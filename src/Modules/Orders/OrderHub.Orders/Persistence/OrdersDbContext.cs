using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.Persistence;

/// <summary>The Orders module's tables, in schema <c>orders</c>.</summary>
internal sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options, ModuleDbContextServices services)
    : ModuleDbContext(options, services)
{
    public override string SchemaName => OrdersContracts.Schema;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
    }
}
