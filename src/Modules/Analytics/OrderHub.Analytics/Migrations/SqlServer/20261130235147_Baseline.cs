using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Analytics.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "analytics");

            migrationBuilder.CreateTable(
                name: "customer_counters",
                schema: "analytics",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    customer_email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    orders_delivered = table.Column<long>(type: "bigint", nullable: false),
                    units_sold = table.Column<long>(type: "bigint", nullable: false),
                    returns = table.Column<long>(type: "bigint", nullable: false),
                    units_returned = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_counters", x => new { x.day, x.storefront, x.customer_email });
                });

            migrationBuilder.CreateTable(
                name: "daily_totals",
                schema: "analytics",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    orders_delivered = table.Column<long>(type: "bigint", nullable: false),
                    units_sold = table.Column<long>(type: "bigint", nullable: false),
                    units_returned = table.Column<long>(type: "bigint", nullable: false),
                    refund_cents = table.Column<long>(type: "bigint", nullable: false),
                    store_credit_cents = table.Column<long>(type: "bigint", nullable: false),
                    refund_returns = table.Column<long>(type: "bigint", nullable: false),
                    store_credit_returns = table.Column<long>(type: "bigint", nullable: false),
                    exchange_returns = table.Column<long>(type: "bigint", nullable: false),
                    keep_it_returns = table.Column<long>(type: "bigint", nullable: false),
                    restock_units = table.Column<long>(type: "bigint", nullable: false),
                    refurbish_units = table.Column<long>(type: "bigint", nullable: false),
                    dispose_units = table.Column<long>(type: "bigint", nullable: false),
                    return_to_vendor_units = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_totals", x => new { x.day, x.storefront });
                });

            migrationBuilder.CreateTable(
                name: "dimension_counters",
                schema: "analytics",
                columns: table => new
                {
                    dimension = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    units_sold = table.Column<long>(type: "bigint", nullable: false),
                    units_returned = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dimension_counters", x => new { x.dimension, x.day, x.storefront, x.key });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "analytics",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    consumer = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    handled_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "order_facts",
                schema: "analytics",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    customer_email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    segment = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    delivered_day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_facts", x => x.order_id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "analytics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    type = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    processed_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    last_error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reason_counters",
                schema: "analytics",
                columns: table => new
                {
                    dimension = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    units = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reason_counters", x => new { x.dimension, x.day, x.storefront, x.key, x.reason });
                });

            migrationBuilder.CreateTable(
                name: "return_facts",
                schema: "analytics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    customer_email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    segment = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    resolution = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    requested_day = table.Column<DateOnly>(type: "date", nullable: false),
                    requested_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    approved_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    received_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    completed_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    counted = table.Column<bool>(type: "bit", nullable: false),
                    settled = table.Column<bool>(type: "bit", nullable: false),
                    lines = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_return_facts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_status_next_attempt_at",
                schema: "analytics",
                table: "outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_return_facts_requested_day",
                schema: "analytics",
                table: "return_facts",
                column: "requested_day");

            migrationBuilder.CreateIndex(
                name: "IX_return_facts_storefront_requested_day",
                schema: "analytics",
                table: "return_facts",
                columns: new[] { "storefront", "requested_day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_counters",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "daily_totals",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "dimension_counters",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "order_facts",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "reason_counters",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "return_facts",
                schema: "analytics");
        }
    }
}
