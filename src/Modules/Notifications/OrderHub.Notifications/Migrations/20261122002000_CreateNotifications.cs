using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.Migrations;

[DbContext(typeof(NotificationsDbContext))]
[Migration("20261122002000_CreateNotifications")]
internal sealed class CreateNotifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, NotificationsContracts.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("notifications"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                source_event_id = t.Column<Guid>(nullable: false),
                channel = t.Column<string>(maxLength: 32, nullable: false),
                template = t.Column<string>(maxLength: 64, nullable: false),
                locale = t.Column<string>(maxLength: 16, nullable: false),
                recipient = t.Column<string>(maxLength: 254, nullable: false),
                recipient_name = t.Column<string>(maxLength: 200, nullable: true),
                subject = t.Column<string>(maxLength: 500, nullable: false),
                text_body = t.Column<string>(nullable: false),
                html_body = t.Column<string>(nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: true),
                order_id = t.Column<Guid>(nullable: true),
                order_number = t.Column<string>(maxLength: 32, nullable: true),
                return_id = t.Column<Guid>(nullable: true),
                rma_number = t.Column<string>(maxLength: 32, nullable: true),
                status = t.Column<string>(maxLength: 32, nullable: false),
                attempts = t.Column<int>(nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                next_attempt_at = t.Column<DateTime>(nullable: false),
                locked_until = t.Column<DateTime>(nullable: true),
                give_up_after = t.Column<DateTime>(nullable: false),
                sent_at = t.Column<DateTime>(nullable: true),
                last_error = t.Column<string>(maxLength: 2000, nullable: true),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("notifications"), x => x.id));
        CreateIndexes(migrationBuilder, names, "notifications", ["recipient"], ["order_id"], ["return_id"], ["source_event_id"], ["status", "next_attempt_at"], ["created_at"]);

        migrationBuilder.CreateTable(
            name: names.Table("webhook_subscriptions"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                url = t.Column<string>(maxLength: 2000, nullable: false),
                events = t.Column<string>(maxLength: 1000, nullable: false),
                secret = t.Column<string>(maxLength: 200, nullable: false),
                active = t.Column<bool>(nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                deactivated_at = t.Column<DateTime>(nullable: true),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("webhook_subscriptions"), x => x.id));

        migrationBuilder.CreateTable(
            name: names.Table("webhook_deliveries"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                subscription_id = t.Column<Guid>(nullable: false),
                event_id = t.Column<Guid>(nullable: false),
                event_type = t.Column<string>(maxLength: 64, nullable: false),
                payload = t.Column<string>(nullable: false),
                last_response_code = t.Column<int>(nullable: true),
                status = t.Column<string>(maxLength: 32, nullable: false),
                attempts = t.Column<int>(nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                next_attempt_at = t.Column<DateTime>(nullable: false),
                locked_until = t.Column<DateTime>(nullable: true),
                give_up_after = t.Column<DateTime>(nullable: false),
                sent_at = t.Column<DateTime>(nullable: true),
                last_error = t.Column<string>(maxLength: 2000, nullable: true),
                version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey("webhook_deliveries"), x => x.id);
                t.ForeignKey(names.ForeignKey("webhook_deliveries", "webhook_subscriptions", "subscription_id"), x => x.subscription_id,
                    names.Table("webhook_subscriptions"), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(
            names.Index("webhook_deliveries", "subscription_id", "event_id"), names.Table("webhook_deliveries"), ["subscription_id", "event_id"], names.Schema, unique: true);
        CreateIndexes(migrationBuilder, names, "webhook_deliveries", ["subscription_id", "created_at"], ["status", "next_attempt_at"], ["created_at"]);

        migrationBuilder.CreateTable(
            name: names.Table("webhook_delivery_attempts"),
            schema: names.Schema,
            columns: t => new
            {
                delivery_id = t.Column<Guid>(nullable: false),
                number = t.Column<int>(nullable: false),
                attempted_at = t.Column<DateTime>(nullable: false),
                response_code = t.Column<int>(nullable: true),
                error = t.Column<string>(maxLength: 2000, nullable: true),
                duration_ms = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey(names.PrimaryKey("webhook_delivery_attempts"), x => new { x.delivery_id, x.number });
                t.ForeignKey(names.ForeignKey("webhook_delivery_attempts", "webhook_deliveries", "delivery_id"), x => x.delivery_id,
                    names.Table("webhook_deliveries"), "id", names.Schema, onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, NotificationsContracts.Schema);
        foreach (var table in new[] { "webhook_delivery_attempts", "webhook_deliveries", "webhook_subscriptions", "notifications" })
        {
            migrationBuilder.DropTable(names.Table(table), names.Schema);
        }
    }

    private static void CreateIndexes(MigrationBuilder migrationBuilder, ModuleSchema names, string table, params string[][] indexes)
    {
        foreach (var columns in indexes)
        {
            migrationBuilder.CreateIndex(names.Index(table, columns), names.Table(table), columns, names.Schema);
        }
    }
}
