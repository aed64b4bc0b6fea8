using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.Migrations;

[DbContext(typeof(ReturnsDbContext))]
[Migration("20261122002000_CreateReturns")]
internal sealed class CreateReturns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, ReturnsContracts.Schema);
        if (!names.IsSqlite)
        {
            migrationBuilder.CreateSequence<long>(ReturnsDbContext.RmaNumberSequence, names.Schema);
        }

        migrationBuilder.CreateTable(
            name: names.Table("policies"),
            schema: names.Schema,
            columns: t => new
            {
                version = t.Column<int>(nullable: false),
                document = t.Column<string>(nullable: false),
                created_by = t.Column<string>(maxLength: 200, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("policies"), x => x.version));

        migrationBuilder.CreateTable(
            name: names.Table("orders"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                number = t.Column<string>(maxLength: 32, nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: true),
                customer_email = t.Column<string>(maxLength: 254, nullable: false),
                customer_name = t.Column<string>(maxLength: 200, nullable: false),
                locale = t.Column<string>(maxLength: 16, nullable: false),
                segment = t.Column<string>(maxLength: 32, nullable: true),
                currency = t.Column<string>(maxLength: 3, nullable: false),
                shipping_address = t.Column<string>(nullable: false),
                cancelled = t.Column<bool>(nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                delivered_at = t.Column<DateTime>(nullable: true),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("orders"), x => x.id));
        migrationBuilder.CreateIndex(names.Index("orders", "number"), names.Table("orders"), "number", names.Schema, unique: true);
        migrationBuilder.CreateIndex(names.Index("orders", "customer_email"), names.Table("orders"), "customer_email", names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("order_lines"),
            schema: names.Schema,
            columns: t => new
            {
                order_line_id = t.Column<Guid>(nullable: false),
                order_id = t.Column<Guid>(nullable: false),
                sku = t.Column<string>(maxLength: 64, nullable: false),
                quantity = t.Column<int>(nullable: false),
                unit_price = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
                shipped_quantity = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey("order_lines"), x => x.order_line_id);
                t.ForeignKey(names.ForeignKey("order_lines", "orders", "order_id"), x => x.order_id, names.Table("orders"), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(names.Index("order_lines", "order_id"), names.Table("order_lines"), "order_id", names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("returns"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                sequence_number = t.Column<long>(nullable: false),
                rma_number = t.Column<string>(maxLength: 32, nullable: false),
                status = t.Column<string>(maxLength: 32, nullable: false),
                order_id = t.Column<Guid>(nullable: false),
                order_number = t.Column<string>(maxLength: 32, nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: true),
                customer_email = t.Column<string>(maxLength: 254, nullable: false),
                customer_name = t.Column<string>(maxLength: 200, nullable: false),
                locale = t.Column<string>(maxLength: 16, nullable: false),
                currency = t.Column<string>(maxLength: 3, nullable: false),
                resolution = t.Column<string>(maxLength: 32, nullable: false),
                exchange_sku = t.Column<string>(maxLength: 64, nullable: true),
                policy_version = t.Column<int>(nullable: false),
                items_value = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
                restocking_fee = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
                shipping_fee = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
                store_credit_bonus = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
                refund_estimate = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
                review_reasons = t.Column<string>(maxLength: 2000, nullable: false),
                rejection_reason = t.Column<string>(maxLength: 500, nullable: true),
                warehouse_code = t.Column<string>(maxLength: 32, nullable: true),
                created_at = t.Column<DateTime>(nullable: false),
                approved_at = t.Column<DateTime>(nullable: true),
                ship_by = t.Column<DateTime>(nullable: true),
                expiry_reminder_at = t.Column<DateTime>(nullable: true),
                received_at = t.Column<DateTime>(nullable: true),
                inspection_overdue_since = t.Column<DateTime>(nullable: true),
                completed_at = t.Column<DateTime>(nullable: true),
                refund_amount = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
                store_credit_amount = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
                exchange_order_number = t.Column<string>(maxLength: 32, nullable: true),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("returns"), x => x.id));
        migrationBuilder.CreateIndex(names.Index("returns", "sequence_number"), names.Table("returns"), "sequence_number", names.Schema, unique: true);
        migrationBuilder.CreateIndex(names.Index("returns", "rma_number"), names.Table("returns"), "rma_number", names.Schema, unique: true);
        migrationBuilder.CreateIndex(names.Index("returns", "order_id"), names.Table("returns"), "order_id", names.Schema);
        migrationBuilder.CreateIndex(names.Index("returns", "customer_email"), names.Table("returns"), "customer_email", names.Schema);
        migrationBuilder.CreateIndex(names.Index("returns", "status", "ship_by"), names.Table("returns"), ["status", "ship_by"], names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("return_lines"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                return_id = t.Column<Guid>(nullable: false),
                order_line_id = t.Column<Guid>(nullable: false),
                sku = t.Column<string>(maxLength: 64, nullable: false),
                quantity = t.Column<int>(nullable: false),
                unit_price = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
                reason = t.Column<string>(maxLength: 32, nullable: false),
                comment = t.Column<string>(maxLength: 1000, nullable: true),
                keep_it = t.Column<bool>(nullable: false),
                condition = t.Column<string>(maxLength: 32, nullable: true),
                disposition = t.Column<string>(maxLength: 32, nullable: true),
                refund_amount = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey("return_lines"), x => x.id);
                t.ForeignKey(names.ForeignKey("return_lines", "returns", "return_id"), x => x.return_id, names.Table("returns"), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(names.Index("return_lines", "order_line_id"), names.Table("return_lines"), "order_line_id", names.Schema);
        migrationBuilder.CreateIndex(names.Index("return_lines", "return_id"), names.Table("return_lines"), "return_id", names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("return_timeline"),
            schema: names.Schema,
            columns: t => new
            {
                return_id = t.Column<Guid>(nullable: false),
                sequence = t.Column<int>(nullable: false),
                @event = t.Column<string>(maxLength: 64, nullable: false),
                status = t.Column<string>(maxLength: 32, nullable: false),
                actor = t.Column<string>(maxLength: 200, nullable: false),
                occurred_at = t.Column<DateTime>(nullable: false),
                detail = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey("return_timeline"), x => new { x.return_id, x.sequence });
                t.ForeignKey(names.ForeignKey("return_timeline", "returns", "return_id"), x => x.return_id, names.Table("returns"), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: names.Table("portal_sessions"),
            schema: names.Schema,
            columns: t => new
            {
                token_hash = t.Column<string>(maxLength: 64, nullable: false),
                order_id = t.Column<Guid>(nullable: false),
                email = t.Column<string>(maxLength: 254, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                expires_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("portal_sessions"), x => x.token_hash));
        migrationBuilder.CreateIndex(names.Index("portal_sessions", "expires_at"), names.Table("portal_sessions"), "expires_at", names.Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, ReturnsContracts.Schema);
        foreach (var table in new[] { "portal_sessions", "return_timeline", "return_lines", "returns", "order_lines", "orders", "policies" })
        {
            migrationBuilder.DropTable(names.Table(table), names.Schema);
        }

        if (!names.IsSqlite)
        {
            migrationBuilder.DropSequence(ReturnsDbContext.RmaNumberSequence, names.Schema);
        }
    }
}
