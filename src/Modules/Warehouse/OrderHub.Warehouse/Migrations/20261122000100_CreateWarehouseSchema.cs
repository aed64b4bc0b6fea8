using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.Migrations;

[DbContext(typeof(WarehouseDbContext))]
[Migration("20261122000100_CreateWarehouseSchema")]
internal sealed class CreateWarehouseSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, WarehouseContracts.Schema);
        if (names.Schema is not null)
        {
            migrationBuilder.EnsureSchema(names.Schema);
        }

        migrationBuilder.CreateMessagingTables(names);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, WarehouseContracts.Schema);
        migrationBuilder.DropTable(names.Table(MessagingModel.InboxTable), names.Schema);
        migrationBuilder.DropTable(names.Table(MessagingModel.OutboxTable), names.Schema);
    }
}
