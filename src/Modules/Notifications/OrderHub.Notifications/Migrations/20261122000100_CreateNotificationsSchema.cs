using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.Migrations;

[DbContext(typeof(NotificationsDbContext))]
[Migration("20261122000100_CreateNotificationsSchema")]
internal sealed class CreateNotificationsSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, NotificationsContracts.Schema);
        if (names.Schema is not null)
        {
            migrationBuilder.EnsureSchema(names.Schema);
        }

        migrationBuilder.CreateMessagingTables(names);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, NotificationsContracts.Schema);
        migrationBuilder.DropTable(names.Table(MessagingModel.InboxTable), names.Schema);
        migrationBuilder.DropTable(names.Table(MessagingModel.OutboxTable), names.Schema);
    }
}
