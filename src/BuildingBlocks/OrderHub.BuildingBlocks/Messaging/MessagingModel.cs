using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>The outbox and inbox tables every messaging module has, in the model and in migrations.</summary>
public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    internal static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable(OutboxTable);
            b.HasKey(x => x.Id);
            b.Property(x => x.Type).HasMaxLength(256);
            b.Property(x => x.LastError).HasMaxLength(2000);
            b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });

        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable(InboxTable);
            b.HasKey(x => new { x.MessageId, x.Consumer });
            b.Property(x => x.Consumer).HasMaxLength(256);
        });
    }

    /// <summary>Creates a module's schema (PostgreSQL only) with its outbox and inbox: the start of every module's first migration.</summary>
    public static ModuleSchema CreateModuleSchema(this MigrationBuilder migrationBuilder, string schema)
    {
        var names = ModuleSchema.For(migrationBuilder, schema);
        if (names.Schema is not null)
        {
            migrationBuilder.EnsureSchema(names.Schema);
        }

        migrationBuilder.CreateMessagingTables(names);
        return names;
    }

    /// <summary>Reverts <see cref="CreateModuleSchema"/>.</summary>
    public static void DropMessagingTables(this MigrationBuilder migrationBuilder, ModuleSchema names)
    {
        migrationBuilder.DropTable(names.Table(InboxTable), names.Schema);
        migrationBuilder.DropTable(names.Table(OutboxTable), names.Schema);
    }

    /// <summary>Creates the outbox and inbox of a module; called from the module's first migration.</summary>
    public static void CreateMessagingTables(this MigrationBuilder migrationBuilder, ModuleSchema names)
    {
        migrationBuilder.CreateTable(
            name: names.Table(OutboxTable),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                type = t.Column<string>(maxLength: 256, nullable: false),
                payload = t.Column<string>(nullable: false),
                occurred_at = t.Column<DateTime>(nullable: false),
                status = t.Column<string>(maxLength: 32, nullable: false),
                attempts = t.Column<int>(nullable: false),
                next_attempt_at = t.Column<DateTime>(nullable: false),
                processed_at = t.Column<DateTime>(nullable: true),
                last_error = t.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey(OutboxTable), x => x.id));

        migrationBuilder.CreateIndex(
            name: names.Index(OutboxTable, "status", "next_attempt_at"),
            table: names.Table(OutboxTable),
            schema: names.Schema,
            columns: ["status", "next_attempt_at"]);

        migrationBuilder.CreateTable(
            name: names.Table(InboxTable),
            schema: names.Schema,
            columns: t => new
            {
                message_id = t.Column<Guid>(nullable: false),
                consumer = t.Column<string>(maxLength: 256, nullable: false),
                handled_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey(InboxTable), x => new { x.message_id, x.consumer }));
    }
}
