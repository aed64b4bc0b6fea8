using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.Migrations;

[DbContext(typeof(NotificationsDbContext))]
[Migration("20261201000000_AddSigningKeys")]
internal sealed class AddSigningKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, NotificationsContracts.Schema);
        migrationBuilder.CreateTable(
            name: names.Table("signing_keys"),
            schema: names.Schema,
            columns: t => new
            {
                name = t.Column<string>(maxLength: 64, nullable: false),
                secret = t.Column<string>(maxLength: 200, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("signing_keys"), x => x.name));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, NotificationsContracts.Schema);
        migrationBuilder.DropTable(names.Table("signing_keys"), names.Schema);
    }
}
