using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.Migrations;

[DbContext(typeof(OrdersDbContext))]
[Migration("20261215000100_AddPickLists")]
internal sealed class AddPickLists : Migration
{
    private const string Lists = OrdersDbContext.PickListsTable;
    private const string Lines = OrdersDbContext.PickListLinesTable;
    private const string Tags = OrdersDbContext.PickListTagsTable;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, OrdersContracts.Schema);
        migrationBuilder.CreateTable(
            name: names.Table(Lists),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                warehouse_code = t.Column<string>(maxLength: 64, nullable: false),
                status = t.Column<string>(maxLength: 32, nullable: false),
                created_by = t.Column<string>(maxLength: 200, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                completed_at = t.Column<DateTime>(nullable: true),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey(Lists), x => x.id));
        migrationBuilder.CreateIndex(names.Index(Lists, "warehouse_code", "created_at"), names.Table(Lists), ["warehouse_code", "created_at"], names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table(Lines),
            schema: names.Schema,
            columns: t => new
            {
                pick_list_id = t.Column<Guid>(nullable: false),
                order_line_id = t.Column<Guid>(nullable: false),
                location_code = t.Column<string>(maxLength: 64, nullable: false),
                position = t.Column<int>(nullable: false),
                order_id = t.Column<Guid>(nullable: false),
                sku = t.Column<string>(maxLength: 64, nullable: false),
                quantity = t.Column<int>(nullable: false),
                picked_quantity = t.Column<int>(nullable: false),
                ended = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey(Lines), x => new { x.pick_list_id, x.order_line_id, x.location_code });
                t.ForeignKey(names.ForeignKey(Lines, Lists, "pick_list_id"), x => x.pick_list_id, names.Table(Lists), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(
            names.Index(Lines, "order_line_id", "location_code"), names.Table(Lines), ["order_line_id", "location_code"], names.Schema,
            unique: true, filter: OrdersDbContext.OpenPickLineFilter);
        migrationBuilder.CreateIndex(names.Index(Lines, "order_id"), names.Table(Lines), "order_id", names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table(Tags),
            schema: names.Schema,
            columns: t => new
            {
                pick_list_id = t.Column<Guid>(nullable: false),
                epc = t.Column<string>(maxLength: 64, nullable: false),
                order_line_id = t.Column<Guid>(nullable: false),
                location_code = t.Column<string>(maxLength: 64, nullable: false),
                picked_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey(Tags), x => new { x.pick_list_id, x.epc });
                t.ForeignKey(names.ForeignKey(Tags, Lists, "pick_list_id"), x => x.pick_list_id, names.Table(Lists), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, OrdersContracts.Schema);
        migrationBuilder.DropTable(names.Table(Tags), names.Schema);
        migrationBuilder.DropTable(names.Table(Lines), names.Schema);
        migrationBuilder.DropTable(names.Table(Lists), names.Schema);
    }
}
