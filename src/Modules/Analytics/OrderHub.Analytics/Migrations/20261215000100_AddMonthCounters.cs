using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Analytics.Migrations;

/// <summary>
/// Month rows for the high-cardinality counters (dimension values, their reasons, customers), so a long window sums
/// a dozen month rows per value instead of a day row per day, and month histograms of stage durations, so processing
/// times need not read every return. Existing rows are rolled up here once; from then on the writer adds to both.
/// </summary>
[DbContext(typeof(AnalyticsDbContext))]
[Migration("20261215000100_AddMonthCounters")]
internal sealed class AddMonthCounters : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, AnalyticsContracts.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("dimension_month_counters"),
            schema: names.Schema,
            columns: t => new
            {
                dimension = t.Column<string>(maxLength: 16, nullable: false),
                month = t.Column<DateOnly>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                key = t.Column<string>(maxLength: 64, nullable: false),
                units_sold = t.Column<long>(nullable: false),
                units_returned = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("dimension_month_counters"), x => new { x.dimension, x.month, x.storefront, x.key }));

        migrationBuilder.CreateTable(
            name: names.Table("reason_month_counters"),
            schema: names.Schema,
            columns: t => new
            {
                dimension = t.Column<string>(maxLength: 16, nullable: false),
                month = t.Column<DateOnly>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                key = t.Column<string>(maxLength: 64, nullable: false),
                reason = t.Column<string>(maxLength: 32, nullable: false),
                units = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("reason_month_counters"), x => new { x.dimension, x.month, x.storefront, x.key, x.reason }));

        migrationBuilder.CreateTable(
            name: names.Table("customer_month_counters"),
            schema: names.Schema,
            columns: t => new
            {
                month = t.Column<DateOnly>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                customer_email = t.Column<string>(maxLength: 254, nullable: false),
                orders_delivered = t.Column<long>(nullable: false),
                units_sold = t.Column<long>(nullable: false),
                returns = t.Column<long>(nullable: false),
                units_returned = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("customer_month_counters"), x => new { x.month, x.storefront, x.customer_email }));

        migrationBuilder.CreateTable(
            name: names.Table("stage_hour_month_counters"),
            schema: names.Schema,
            columns: t => new
            {
                stage = t.Column<string>(maxLength: 32, nullable: false),
                month = t.Column<DateOnly>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                hour = t.Column<long>(nullable: false),
                returns = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("stage_hour_month_counters"), x => new { x.stage, x.month, x.storefront, x.hour }));

        migrationBuilder.CreateTable(
            name: names.Table("stage_duration_month_counters"),
            schema: names.Schema,
            columns: t => new
            {
                stage = t.Column<string>(maxLength: 32, nullable: false),
                centihours = t.Column<long>(nullable: false),
                month = t.Column<DateOnly>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: false),
                returns = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("stage_duration_month_counters"), x => new { x.stage, x.centihours, x.month, x.storefront }));

        // Days are stored as date (PostgreSQL) or ISO text (SQLite): the first of the month is spelled per engine.
        string Month(string day) => names.IsSqlite ? $"substr({day}, 1, 8) || '01'" : $"CAST(date_trunc('month', {day}) AS date)";
        string Table(string table) => names.Schema is { } schema ? $"\"{schema}\".\"{table}\"" : $"\"{names.Table(table)}\"";
        migrationBuilder.Sql($"""
            INSERT INTO {Table("dimension_month_counters")} (dimension, month, storefront, key, units_sold, units_returned)
            SELECT dimension, {Month("day")}, storefront, key, SUM(units_sold), SUM(units_returned)
            FROM {Table("dimension_counters")} GROUP BY dimension, {Month("day")}, storefront, key
            """);
        migrationBuilder.Sql($"""
            INSERT INTO {Table("reason_month_counters")} (dimension, month, storefront, key, reason, units)
            SELECT dimension, {Month("day")}, storefront, key, reason, SUM(units)
            FROM {Table("reason_counters")} GROUP BY dimension, {Month("day")}, storefront, key, reason
            """);
        migrationBuilder.Sql($"""
            INSERT INTO {Table("customer_month_counters")} (month, storefront, customer_email, orders_delivered, units_sold, returns, units_returned)
            SELECT {Month("day")}, storefront, customer_email, SUM(orders_delivered), SUM(units_sold), SUM(returns), SUM(units_returned)
            FROM {Table("customer_counters")} GROUP BY {Month("day")}, storefront, customer_email
            """);

        // Stage durations in hundredths of an hour, rounded half away from zero as StageTimes.Centihours rounds. On
        // PostgreSQL the epoch of an interval is exact (numeric); SQLite's julianday() resolves milliseconds, which
        // can only matter for a duration within a millisecond of a half-hundredth.
        string Centihours(string from, string to) => names.IsSqlite
            ? $"CAST(round((julianday({to}) - julianday({from})) * 24, 2) * 100 AS INTEGER)"
            : $"CAST(round(EXTRACT(EPOCH FROM ({to} - {from})) / 3600, 2) * 100 AS bigint)";
        var durations = $"""
            SELECT 'requestedToApproved' AS stage, {Month("requested_day")} AS month, storefront, {Centihours("requested_at", "approved_at")} AS centihours
            FROM {Table("return_facts")} WHERE approved_at IS NOT NULL
            UNION ALL
            SELECT 'approvedToReceived', {Month("requested_day")}, storefront, {Centihours("approved_at", "received_at")}
            FROM {Table("return_facts")} WHERE approved_at IS NOT NULL AND received_at IS NOT NULL
            UNION ALL
            SELECT 'receivedToCompleted', {Month("requested_day")}, storefront, {Centihours("received_at", "completed_at")}
            FROM {Table("return_facts")} WHERE received_at IS NOT NULL AND completed_at IS NOT NULL
            UNION ALL
            SELECT 'requestedToCompleted', {Month("requested_day")}, storefront, {Centihours("requested_at", "completed_at")}
            FROM {Table("return_facts")} WHERE completed_at IS NOT NULL
            """;
        migrationBuilder.Sql($"""
            INSERT INTO {Table("stage_duration_month_counters")} (stage, centihours, month, storefront, returns)
            SELECT stage, centihours, month, storefront, COUNT(*) FROM ({durations}) d GROUP BY stage, centihours, month, storefront
            """);
        migrationBuilder.Sql($"""
            INSERT INTO {Table("stage_hour_month_counters")} (stage, month, storefront, hour, returns)
            SELECT stage, month, storefront, CASE WHEN centihours >= 0 THEN centihours / 100 ELSE (centihours - 99) / 100 END, SUM(returns)
            FROM {Table("stage_duration_month_counters")}
            GROUP BY stage, month, storefront, CASE WHEN centihours >= 0 THEN centihours / 100 ELSE (centihours - 99) / 100 END
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, AnalyticsContracts.Schema);
        foreach (var table in new[] { "stage_duration_month_counters", "stage_hour_month_counters", "customer_month_counters", "reason_month_counters", "dimension_month_counters" })
        {
            migrationBuilder.DropTable(names.Table(table), names.Schema);
        }
    }
}
