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
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateModuleSchema(WarehouseContracts.Schema);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropMessagingTables(ModuleSchema.For(migrationBuilder, WarehouseContracts.Schema));
}
