using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Platform.Contracts;
using OrderHub.Platform.Persistence;

namespace OrderHub.Platform.Migrations;

[DbContext(typeof(PlatformDbContext))]
[Migration("20261122000000_CreatePlatform")]
internal sealed class CreatePlatform : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = migrationBuilder.CreateModuleSchema(PlatformContracts.Schema);

        migrationBuilder.CreateTable(
            name: names.Table("api_keys"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                name = t.Column<string>(maxLength: 200, nullable: false),
                role = t.Column<string>(maxLength: 32, nullable: false),
                storefront = t.Column<string>(maxLength: 64, nullable: true),
                prefix = t.Column<string>(maxLength: 16, nullable: false),
                hash = t.Column<string>(maxLength: 64, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                revoked_at = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("api_keys"), x => x.id));
        migrationBuilder.CreateIndex(names.Index("api_keys", "hash"), names.Table("api_keys"), "hash", names.Schema, unique: true);

        migrationBuilder.CreateTable(
            name: names.Table("idempotency_records"),
            schema: names.Schema,
            columns: t => new
            {
                scope = t.Column<string>(maxLength: 64, nullable: false),
                key = t.Column<string>(maxLength: 200, nullable: false),
                request_hash = t.Column<string>(maxLength: 64, nullable: false),
                status = t.Column<string>(maxLength: 32, nullable: false),
                response_status = t.Column<int>(nullable: true),
                response_body = t.Column<string>(nullable: true),
                response_location = t.Column<string>(maxLength: 500, nullable: true),
                created_at = t.Column<DateTime>(nullable: false),
                expires_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("idempotency_records"), x => new { x.scope, x.key }));
        migrationBuilder.CreateIndex(names.Index("idempotency_records", "expires_at"), names.Table("idempotency_records"), "expires_at", names.Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, PlatformContracts.Schema);
        migrationBuilder.DropMessagingTables(names);
        migrationBuilder.DropTable(names.Table("idempotency_records"), names.Schema);
        migrationBuilder.DropTable(names.Table("api_keys"), names.Schema);
    }
}
