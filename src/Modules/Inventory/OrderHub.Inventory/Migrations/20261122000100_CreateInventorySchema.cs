using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.Migrations;

[DbContext(typeof(InventoryDbContext))]
[Migration("20261122000100_CreateInventorySchema")]
internal sealed class CreateInventorySchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, InventoryContracts.Schema);
        if (names.Schema is not null)
        {
            migrationBuilder.EnsureSchema(names.Schema);
        }

        migrationBuilder.CreateMessagingTables(names);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, InventoryContracts.Schema);
        migrationBuilder.DropTable(names.Table(MessagingModel.InboxTable), names.Schema);
        migrationBuilder.DropTable(names.Table(MessagingModel.OutboxTable), names.Schema);
    }
}
