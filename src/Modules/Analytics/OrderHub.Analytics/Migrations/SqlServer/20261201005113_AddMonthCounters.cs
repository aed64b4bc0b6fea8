using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Analytics.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddMonthCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_month_counters",
                schema: "analytics",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    customer_email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    orders_delivered = table.Column<long>(type: "bigint", nullable: false),
                    units_sold = table.Column<long>(type: "bigint", nullable: false),
                    returns = table.Column<long>(type: "bigint", nullable: false),
                    units_returned = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_month_counters", x => new { x.month, x.storefront, x.customer_email });
                });

            migrationBuilder.CreateTable(
                name: "dimension_month_counters",
                schema: "analytics",
                columns: table => new
                {
                    dimension = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    units_sold = table.Column<long>(type: "bigint", nullable: false),
                    units_returned = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dimension_month_counters", x => new { x.dimension, x.month, x.storefront, x.key });
                });

            migrationBuilder.CreateTable(
                name: "reason_month_counters",
                schema: "analytics",
                columns: table => new
                {
                    dimension = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    units = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reason_month_counters", x => new { x.dimension, x.month, x.storefront, x.key, x.reason });
                });

            migrationBuilder.CreateTable(
                name: "stage_duration_month_counters",
                schema: "analytics",
                columns: table => new
                {
                    stage = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    centihours = table.Column<long>(type: "bigint", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    returns = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stage_duration_month_counters", x => new { x.stage, x.centihours, x.month, x.storefront });
                });

            migrationBuilder.CreateTable(
                name: "stage_hour_month_counters",
                schema: "analytics",
                columns: table => new
                {
                    stage = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    storefront = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    hour = table.Column<long>(type: "bigint", nullable: false),
                    returns = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stage_hour_month_counters", x => new { x.stage, x.month, x.storefront, x.hour });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_month_counters",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "dimension_month_counters",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "reason_month_counters",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "stage_duration_month_counters",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "stage_hour_month_counters",
                schema: "analytics");
        }
    }
}
