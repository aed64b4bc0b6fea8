using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.Migrations;

[DbContext(typeof(InventoryDbContext))]
[Migration("20261122001100_AddStockLedger")]
internal sealed class AddStockLedger : Migration
{
    private const string Skus = InventoryDbContext.SkusTable;
    private const string Levels = InventoryDbContext.StockLevelsTable;
    private const string Movements = InventoryDbContext.MovementsTable;
    private const string Expected = InventoryDbContext.ExpectedReturnsTable;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, InventoryContracts.Schema);
        migrationBuilder.CreateTable(
            name: names.Table(Skus),
            schema: names.Schema,
            columns: t => new
            {
                sku = t.Column<string>(maxLength: 64, nullable: false),
                name = t.Column<string>(maxLength: 200, nullable: false),
                category = t.Column<string>(maxLength: 100, nullable: false),
                barcode = t.Column<string>(maxLength: 64, nullable: true),
                unit_price = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
                returnable = t.Column<bool>(nullable: false),
                low_stock_threshold = t.Column<int>(nullable: true),
                created_at = t.Column<DateTime>(nullable: false),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey(Skus), x => x.sku));
        migrationBuilder.CreateIndex(names.Index(Skus, "barcode"), names.Table(Skus), "barcode", names.Schema, unique: true);
        migrationBuilder.CreateIndex(names.Index(Skus, "category"), names.Table(Skus), "category", names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table(Levels),
            schema: names.Schema,
            columns: t => new
            {
                sku = t.Column<string>(maxLength: 64, nullable: false),
                location_code = t.Column<string>(maxLength: 64, nullable: false),
                location_type = t.Column<string>(maxLength: 32, nullable: false),
                warehouse_code = t.Column<string>(maxLength: 64, nullable: false),
                on_hand = t.Column<int>(nullable: false),
                reserved = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey(Levels), x => new { x.sku, x.location_code }));

        migrationBuilder.CreateTable(
            name: names.Table(Movements),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<long>(nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    .Annotation("Sqlite:Autoincrement", true),
                sku = t.Column<string>(maxLength: 64, nullable: false),
                location_code = t.Column<string>(maxLength: 64, nullable: false),
                type = t.Column<string>(maxLength: 32, nullable: false),
                quantity = t.Column<int>(nullable: false),
                reserved_delta = t.Column<int>(nullable: false),
                reason = t.Column<string>(maxLength: 64, nullable: true),
                reference = t.Column<string>(maxLength: 128, nullable: true),
                actor = t.Column<string>(maxLength: 200, nullable: false),
                occurred_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey(Movements), x => x.id));
        migrationBuilder.CreateIndex(names.Index(Movements, "sku", "id"), names.Table(Movements), ["sku", "id"], names.Schema);
        migrationBuilder.CreateIndex(names.Index(Movements, "reference", "sku"), names.Table(Movements), ["reference", "sku"], names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table(Expected),
            schema: names.Schema,
            columns: t => new
            {
                reference = t.Column<string>(maxLength: 128, nullable: false),
                sku = t.Column<string>(maxLength: 64, nullable: false),
                quantity = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey(Expected), x => new { x.reference, x.sku }));
        migrationBuilder.CreateIndex(names.Index(Expected, "sku"), names.Table(Expected), "sku", names.Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, InventoryContracts.Schema);
        foreach (var table in new[] { Expected, Movements, Levels, Skus })
        {
            migrationBuilder.DropTable(names.Table(table), names.Schema);
        }
    }
}
