using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.Migrations;

[DbContext(typeof(ReturnsDbContext))]
[Migration("20261122000100_CreateReturnsSchema")]
internal sealed class CreateReturnsSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, ReturnsContracts.Schema);
        if (names.Schema is not null)
        {
            migrationBuilder.EnsureSchema(names.Schema);
        }

        migrationBuilder.CreateMessagingTables(names);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, ReturnsContracts.Schema);
        migrationBuilder.DropTable(names.Table(MessagingModel.InboxTable), names.Schema);
        migrationBuilder.DropTable(names.Table(MessagingModel.OutboxTable), names.Schema);
    }
}
