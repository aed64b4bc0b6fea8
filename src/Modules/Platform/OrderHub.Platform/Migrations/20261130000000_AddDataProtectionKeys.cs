using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Platform.Contracts;
using OrderHub.Platform.Persistence;

namespace OrderHub.Platform.Migrations;

[DbContext(typeof(PlatformDbContext))]
[Migration("20261130000000_AddDataProtectionKeys")]
internal sealed class AddDataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, PlatformContracts.Schema);
        migrationBuilder.CreateTable(
            name: names.Table("data_protection_keys"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                friendly_name = t.Column<string>(maxLength: 200, nullable: true),
                xml = t.Column<string>(nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("data_protection_keys"), x => x.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, PlatformContracts.Schema);
        migrationBuilder.DropTable(names.Table("data_protection_keys"), names.Schema);
    }
}
