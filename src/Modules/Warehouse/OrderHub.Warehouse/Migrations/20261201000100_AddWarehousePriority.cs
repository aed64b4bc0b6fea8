using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Domain;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.Migrations;

[DbContext(typeof(WarehouseDbContext))]
[Migration("20261201000100_AddWarehousePriority")]
internal sealed class AddWarehousePriority : Migration
{
    private const string Warehouses = "warehouses";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, WarehouseContracts.Schema);
        migrationBuilder.AddColumn<int>("priority", names.Table(Warehouses), nullable: false, defaultValue: WarehouseSite.DefaultPriority, schema: names.Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, WarehouseContracts.Schema);
        migrationBuilder.DropColumn("priority", names.Table(Warehouses), names.Schema);
    }
}
