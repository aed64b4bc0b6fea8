using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Returns.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "returns");

            migrationBuilder.CreateSequence(
                name: "rma_numbers",
                schema: "returns");

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "returns",
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
                name: "orders",
                schema: "returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    customer_email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    customer_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    locale = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    segment = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    shipping_address = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    cancelled = table.Column<bool>(type: "bit", nullable: false),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "returns",
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
                name: "policies",
                schema: "returns",
                columns: table => new
                {
                    version = table.Column<int>(type: "int", nullable: false),
                    document = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    created_by = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "portal_sessions",
                schema: "returns",
                columns: table => new
                {
                    token_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    order_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    expires_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_sessions", x => x.token_hash);
                });

            migrationBuilder.CreateTable(
                name: "returns",
                schema: "returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    sequence_number = table.Column<long>(type: "bigint", nullable: false),
                    rma_number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    order_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    order_number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    customer_email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    customer_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    locale = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    resolution = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    exchange_sku = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    policy_version = table.Column<int>(type: "int", nullable: false),
                    items_value = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    restocking_fee = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    shipping_fee = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    store_credit_bonus = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    refund_estimate = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    review_reasons = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    rejection_reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    warehouse_code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    routing_reason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    approved_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ship_by = table.Column<DateTime>(type: "datetime2", nullable: true),
                    expiry_reminder_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    received_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    inspection_overdue_since = table.Column<DateTime>(type: "datetime2", nullable: true),
                    completed_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    refund_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    store_credit_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    exchange_order_number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_returns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "order_lines",
                schema: "returns",
                columns: table => new
                {
                    order_line_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    order_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    sku = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    quantity = table.Column<int>(type: "int", nullable: false),
                    unit_price = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    shipped_quantity = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_lines", x => x.order_line_id);
                    table.ForeignKey(
                        name: "FK_order_lines_orders_order_id",
                        column: x => x.order_id,
                        principalSchema: "returns",
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "return_lines",
                schema: "returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    return_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    order_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    order_number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    order_line_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    sku = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    quantity = table.Column<int>(type: "int", nullable: false),
                    unit_price = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    keep_it = table.Column<bool>(type: "bit", nullable: false),
                    condition = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    disposition = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    refund_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_return_lines", x => x.id);
                    table.ForeignKey(
                        name: "FK_return_lines_returns_return_id",
                        column: x => x.return_id,
                        principalSchema: "returns",
                        principalTable: "returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "return_timeline",
                schema: "returns",
                columns: table => new
                {
                    return_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    sequence = table.Column<int>(type: "int", nullable: false),
                    @event = table.Column<string>(name: "event", type: "nvarchar(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    actor = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    detail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_return_timeline", x => new { x.return_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_return_timeline_returns_return_id",
                        column: x => x.return_id,
                        principalSchema: "returns",
                        principalTable: "returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_order_lines_order_id",
                schema: "returns",
                table: "order_lines",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_orders_customer_email",
                schema: "returns",
                table: "orders",
                column: "customer_email");

            migrationBuilder.CreateIndex(
                name: "IX_orders_number",
                schema: "returns",
                table: "orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_status_next_attempt_at",
                schema: "returns",
                table: "outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_portal_sessions_expires_at",
                schema: "returns",
                table: "portal_sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "IX_return_lines_order_id",
                schema: "returns",
                table: "return_lines",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_return_lines_order_line_id",
                schema: "returns",
                table: "return_lines",
                column: "order_line_id");

            migrationBuilder.CreateIndex(
                name: "IX_return_lines_return_id",
                schema: "returns",
                table: "return_lines",
                column: "return_id");

            migrationBuilder.CreateIndex(
                name: "IX_returns_customer_email",
                schema: "returns",
                table: "returns",
                column: "customer_email");

            migrationBuilder.CreateIndex(
                name: "IX_returns_order_id",
                schema: "returns",
                table: "returns",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_returns_rma_number",
                schema: "returns",
                table: "returns",
                column: "rma_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_returns_sequence_number",
                schema: "returns",
                table: "returns",
                column: "sequence_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_returns_status_ship_by",
                schema: "returns",
                table: "returns",
                columns: new[] { "status", "ship_by" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "returns");

            migrationBuilder.DropTable(
                name: "order_lines",
                schema: "returns");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "returns");

            migrationBuilder.DropTable(
                name: "policies",
                schema: "returns");

            migrationBuilder.DropTable(
                name: "portal_sessions",
                schema: "returns");

            migrationBuilder.DropTable(
                name: "return_lines",
                schema: "returns");

            migrationBuilder.DropTable(
                name: "return_timeline",
                schema: "returns");

            migrationBuilder.DropTable(
                name: "orders",
                schema: "returns");

            migrationBuilder.DropTable(
                name: "returns",
                schema: "returns");

            migrationBuilder.DropSequence(
                name: "rma_numbers",
                schema: "returns");
        }
    }
}
