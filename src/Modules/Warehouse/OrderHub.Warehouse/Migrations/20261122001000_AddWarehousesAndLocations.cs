using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.Migrations;

[DbContext(typeof(WarehouseDbContext))]
[Migration("20261122001000_AddWarehousesAndLocations")]
internal sealed class AddWarehousesAndLocations : Migration
{
    private const string Warehouses = "warehouses";
    private const string Locations = "locations";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, WarehouseContracts.Schema);
        migrationBuilder.CreateTable(
            name: names.Table(Warehouses),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                code = t.Column<string>(maxLength: 64, nullable: false),
                name = t.Column<string>(maxLength: 200, nullable: false),
                address_line1 = t.Column<string>(maxLength: 200, nullable: false),
                address_line2 = t.Column<string>(maxLength: 200, nullable: true),
                city = t.Column<string>(maxLength: 100, nullable: false),
                region = t.Column<string>(maxLength: 100, nullable: true),
                postal_code = t.Column<string>(maxLength: 32, nullable: false),
                country = t.Column<string>(maxLength: 2, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey(Warehouses), x => x.id));
        migrationBuilder.CreateIndex(names.Index(Warehouses, "code"), names.Table(Warehouses), "code", names.Schema, unique: true);

        migrationBuilder.CreateTable(
            name: names.Table(Locations),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                warehouse_id = t.Column<Guid>(nullable: false),
                code = t.Column<string>(maxLength: 64, nullable: false),
                type = t.Column<string>(maxLength: 32, nullable: false),
                sku = t.Column<string>(maxLength: 64, nullable: true),
                created_at = t.Column<DateTime>(nullable: false),
                version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey(Locations), x => x.id);
                t.ForeignKey(
                    names.ForeignKey(Locations, Warehouses, "warehouse_id"),
                    x => x.warehouse_id,
                    principalTable: names.Table(Warehouses),
                    principalSchema: names.Schema,
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(names.Index(Locations, "code"), names.Table(Locations), "code", names.Schema, unique: true);
        migrationBuilder.CreateIndex(names.Index(Locations, "warehouse_id"), names.Table(Locations), "warehouse_id", names.Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, WarehouseContracts.Schema);
        migrationBuilder.DropTable(names.Table(Locations), names.Schema);
        migrationBuilder.DropTable(names.Table(Warehouses), names.Schema);
    }
}
