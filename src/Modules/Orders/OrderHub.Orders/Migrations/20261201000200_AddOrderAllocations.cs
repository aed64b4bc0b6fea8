using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.Migrations;

[DbContext(typeof(OrdersDbContext))]
[Migration("20261201000200_AddOrderAllocations")]
internal sealed class AddOrderAllocations : Migration
{
    private const string Allocations = OrdersDbContext.AllocationsTable;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, OrdersContracts.Schema);
        migrationBuilder.AddColumn<int>("short_shipped_quantity", names.Table("order_lines"), nullable: false, defaultValue: 0, schema: names.Schema);
        migrationBuilder.AddColumn<string>("warehouse_code", names.Table("shipments"), maxLength: 64, nullable: true, schema: names.Schema);
        migrationBuilder.CreateTable(
            name: names.Table(Allocations),
            schema: names.Schema,
            columns: t => new
            {
                order_line_id = t.Column<Guid>(nullable: false),
                location_code = t.Column<string>(maxLength: 64, nullable: false),
                order_id = t.Column<Guid>(nullable: false),
                sku = t.Column<string>(maxLength: 64, nullable: false),
                warehouse_code = t.Column<string>(maxLength: 64, nullable: false),
                quantity = t.Column<int>(nullable: false),
                shipped_quantity = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey(Allocations), x => new { x.order_line_id, x.location_code });
                t.ForeignKey(names.ForeignKey(Allocations, "orders", "order_id"), x => x.order_id, names.Table("orders"), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(names.Index(Allocations, "order_id"), names.Table(Allocations), "order_id", names.Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, OrdersContracts.Schema);
        migrationBuilder.DropTable(names.Table(Allocations), names.Schema);
        migrationBuilder.DropColumn("warehouse_code", names.Table("shipments"), names.Schema);
        migrationBuilder.DropColumn("short_shipped_quantity", names.Table("order_lines"), names.Schema);
    }
}
