using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Orders.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddPickLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pick_lists",
                schema: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    warehouse_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    created_by = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    completed_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pick_lists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pick_list_lines",
                schema: "orders",
                columns: table => new
                {
                    pick_list_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    order_line_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    location_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    position = table.Column<int>(type: "int", nullable: false),
                    order_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    sku = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    quantity = table.Column<int>(type: "int", nullable: false),
                    picked_quantity = table.Column<int>(type: "int", nullable: false),
                    ended = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pick_list_lines", x => new { x.pick_list_id, x.order_line_id, x.location_code });
                    table.ForeignKey(
                        name: "FK_pick_list_lines_pick_lists_pick_list_id",
                        column: x => x.pick_list_id,
                        principalSchema: "orders",
                        principalTable: "pick_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pick_list_tags",
                schema: "orders",
                columns: table => new
                {
                    pick_list_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    epc = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    order_line_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    location_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    picked_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pick_list_tags", x => new { x.pick_list_id, x.epc });
                    table.ForeignKey(
                        name: "FK_pick_list_tags_pick_lists_pick_list_id",
                        column: x => x.pick_list_id,
                        principalSchema: "orders",
                        principalTable: "pick_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pick_list_lines_order_id",
                schema: "orders",
                table: "pick_list_lines",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_pick_list_lines_order_line_id_location_code",
                schema: "orders",
                table: "pick_list_lines",
                columns: new[] { "order_line_id", "location_code" },
                unique: true,
                filter: "[ended] = 0");

            migrationBuilder.CreateIndex(
                name: "IX_pick_lists_warehouse_code_created_at",
                schema: "orders",
                table: "pick_lists",
                columns: new[] { "warehouse_code", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pick_list_lines",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "pick_list_tags",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "pick_lists",
                schema: "orders");
        }
    }
}
