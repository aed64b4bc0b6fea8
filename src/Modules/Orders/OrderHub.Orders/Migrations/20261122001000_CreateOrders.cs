using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.Migrations;

[DbContext(typeof(OrdersDbContext))]
[Migration("20261122001000_CreateOrders")]
internal sealed class CreateOrders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, OrdersContracts.Schema);
        if (!names.IsSqlite)
        {
            migrationBuilder.CreateSequence<long>(OrdersDbContext.OrderNumberSequence, names.Schema);
        }

        migrationBuilder.CreateTable(
            name: names.Table("orders"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                sequence_number = t.Column<long>(nullable: false),
                number = t.Column<string>(maxLength: 32, nullable: false),
                status = t.Column<string>(maxLength: 32, nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: true),
                external_reference = t.Column<string>(maxLength: 100, nullable: true),
                customer_email = t.Column<string>(maxLength: 254, nullable: false),
                customer_name = t.Column<string>(maxLength: 200, nullable: false),
                customer_locale = t.Column<string>(maxLength: 16, nullable: false),
                customer_segment = t.Column<string>(maxLength: 32, nullable: true),
                shipping_address_name = t.Column<string>(maxLength: 200, nullable: true),
                shipping_address_line1 = t.Column<string>(maxLength: 200, nullable: false),
                shipping_address_line2 = t.Column<string>(maxLength: 200, nullable: true),
                shipping_address_city = t.Column<string>(maxLength: 100, nullable: false),
                shipping_address_postal_code = t.Column<string>(maxLength: 20, nullable: false),
                shipping_address_region = t.Column<string>(maxLength: 100, nullable: true),
                shipping_address_country = t.Column<string>(maxLength: 2, nullable: false),
                currency = t.Column<string>(maxLength: 3, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                delivered_at = t.Column<DateTime>(nullable: true),
                cancelled_at = t.Column<DateTime>(nullable: true),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("orders"), x => x.id));
        migrationBuilder.CreateIndex(names.Index("orders", "sequence_number"), names.Table("orders"), "sequence_number", names.Schema, unique: true);
        migrationBuilder.CreateIndex(names.Index("orders", "number"), names.Table("orders"), "number", names.Schema, unique: true);
        migrationBuilder.CreateIndex(names.Index("orders", "storefront", "created_at"), names.Table("orders"), ["storefront", "created_at"], names.Schema);
        migrationBuilder.CreateIndex(names.Index("orders", "created_at"), names.Table("orders"), "created_at", names.Schema);
        migrationBuilder.CreateIndex(names.Index("orders", "customer_email"), names.Table("orders"), "customer_email", names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("order_lines"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                order_id = t.Column<Guid>(nullable: false),
                sku = t.Column<string>(maxLength: 64, nullable: false),
                quantity = t.Column<int>(nullable: false),
                unit_price = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
                shipped_quantity = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey("order_lines"), x => x.id);
                t.ForeignKey(names.ForeignKey("order_lines", "orders", "order_id"), x => x.order_id, names.Table("orders"), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(names.Index("order_lines", "order_id"), names.Table("order_lines"), "order_id", names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("shipments"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                order_id = t.Column<Guid>(nullable: false),
                carrier = t.Column<string>(maxLength: 100, nullable: true),
                tracking_number = t.Column<string>(maxLength: 100, nullable: true),
                shipped_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey("shipments"), x => x.id);
                t.ForeignKey(names.ForeignKey("shipments", "orders", "order_id"), x => x.order_id, names.Table("orders"), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(names.Index("shipments", "order_id"), names.Table("shipments"), "order_id", names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("shipment_lines"),
            schema: names.Schema,
            columns: t => new
            {
                shipment_id = t.Column<Guid>(nullable: false),
                order_line_id = t.Column<Guid>(nullable: false),
                sku = t.Column<string>(maxLength: 64, nullable: false),
                quantity = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey("shipment_lines"), x => new { x.shipment_id, x.order_line_id });
                t.ForeignKey(names.ForeignKey("shipment_lines", "shipments", "shipment_id"), x => x.shipment_id, names.Table("shipments"), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: names.Table("order_timeline"),
            schema: names.Schema,
            columns: t => new
            {
                order_id = t.Column<Guid>(nullable: false),
                sequence = t.Column<int>(nullable: false),
                @event = t.Column<string>(maxLength: 64, nullable: false),
                status = t.Column<string>(maxLength: 32, nullable: false),
                actor = t.Column<string>(maxLength: 200, nullable: false),
                occurred_at = t.Column<DateTime>(nullable: false),
                detail = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey("order_timeline"), x => new { x.order_id, x.sequence });
                t.ForeignKey(names.ForeignKey("order_timeline", "orders", "order_id"), x => x.order_id, names.Table("orders"), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, OrdersContracts.Schema);
        foreach (var table in new[] { "order_timeline", "shipment_lines", "shipments", "order_lines", "orders" })
        {
            migrationBuilder.DropTable(names.Table(table), names.Schema);
        }

        if (!names.IsSqlite)
        {
            migrationBuilder.DropSequence(OrdersDbContext.OrderNumberSequence, names.Schema);
        }
    }
}
