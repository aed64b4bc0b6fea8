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
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateModuleSchema(NotificationsContracts.Schema);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropMessagingTables(ModuleSchema.For(migrationBuilder, NotificationsContracts.Schema));
}
