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
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateModuleSchema(InventoryContracts.Schema);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropMessagingTables(ModuleSchema.For(migrationBuilder, InventoryContracts.Schema));
}
