using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Analytics.Migrations;

[DbContext(typeof(AnalyticsDbContext))]
[Migration("20261210001000_CreateReturnsReadModel")]
internal sealed class CreateReturnsReadModel : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, AnalyticsContracts.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("order_facts"),
            schema: names.Schema,
            columns: t => new
            {
                order_id = t.Column<Guid>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                customer_email = t.Column<string>(maxLength: 254, nullable: false),
                segment = t.Column<string>(maxLength: 32, nullable: false),
                delivered_day = t.Column<DateOnly>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("order_facts"), x => x.order_id));

        migrationBuilder.CreateTable(
            name: names.Table("return_facts"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                customer_email = t.Column<string>(maxLength: 254, nullable: false),
                segment = t.Column<string>(maxLength: 32, nullable: false),
                resolution = t.Column<string>(maxLength: 32, nullable: false),
                requested_day = t.Column<DateOnly>(nullable: false),
                requested_at = t.Column<DateTime>(nullable: false),
                approved_at = t.Column<DateTime>(nullable: true),
                received_at = t.Column<DateTime>(nullable: true),
                completed_at = t.Column<DateTime>(nullable: true),
                counted = t.Column<bool>(nullable: false),
                settled = t.Column<bool>(nullable: false),
                lines = t.Column<string>(nullable: false),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("return_facts"), x => x.id));
        migrationBuilder.CreateIndex(names.Index("return_facts", "requested_day"), names.Table("return_facts"), "requested_day", names.Schema);
        migrationBuilder.CreateIndex(names.Index("return_facts", "storefront", "requested_day"), names.Table("return_facts"), ["storefront", "requested_day"], names.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("daily_totals"),
            schema: names.Schema,
            columns: t => new
            {
                day = t.Column<DateOnly>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                orders_delivered = t.Column<long>(nullable: false),
                units_sold = t.Column<long>(nullable: false),
                units_returned = t.Column<long>(nullable: false),
                refund_cents = t.Column<long>(nullable: false),
                store_credit_cents = t.Column<long>(nullable: false),
                refund_returns = t.Column<long>(nullable: false),
                store_credit_returns = t.Column<long>(nullable: false),
                exchange_returns = t.Column<long>(nullable: false),
                keep_it_returns = t.Column<long>(nullable: false),
                restock_units = t.Column<long>(nullable: false),
                refurbish_units = t.Column<long>(nullable: false),
                dispose_units = t.Column<long>(nullable: false),
                return_to_vendor_units = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("daily_totals"), x => new { x.day, x.storefront }));

        migrationBuilder.CreateTable(
            name: names.Table("dimension_counters"),
            schema: names.Schema,
            columns: t => new
            {
                dimension = t.Column<string>(maxLength: 16, nullable: false),
                day = t.Column<DateOnly>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                key = t.Column<string>(maxLength: 64, nullable: false),
                units_sold = t.Column<long>(nullable: false),
                units_returned = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("dimension_counters"), x => new { x.dimension, x.day, x.storefront, x.key }));

        migrationBuilder.CreateTable(
            name: names.Table("reason_counters"),
            schema: names.Schema,
            columns: t => new
            {
                dimension = t.Column<string>(maxLength: 16, nullable: false),
                day = t.Column<DateOnly>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                key = t.Column<string>(maxLength: 64, nullable: false),
                reason = t.Column<string>(maxLength: 32, nullable: false),
                units = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("reason_counters"), x => new { x.dimension, x.day, x.storefront, x.key, x.reason }));

        migrationBuilder.CreateTable(
            name: names.Table("customer_counters"),
            schema: names.Schema,
            columns: t => new
            {
                day = t.Column<DateOnly>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                customer_email = t.Column<string>(maxLength: 254, nullable: false),
                orders_delivered = t.Column<long>(nullable: false),
                units_sold = t.Column<long>(nullable: false),
                returns = t.Column<long>(nullable: false),
                units_returned = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("customer_counters"), x => new { x.day, x.storefront, x.customer_email }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, AnalyticsContracts.Schema);
        foreach (var table in new[] { "customer_counters", "reason_counters", "dimension_counters", "daily_totals", "return_facts", "order_facts" })
        {
            migrationBuilder.DropTable(names.Table(table), names.Schema);
        }
    }
}
