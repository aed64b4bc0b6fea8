using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.Persistence;

/// <summary>The Notifications module's tables, in schema <c>notifications</c>.</summary>
internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options, ModuleDbContextServices services)
    : ModuleDbContext(options, services)
{
    public override string SchemaName => NotificationsContracts.Schema;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
    }
}
