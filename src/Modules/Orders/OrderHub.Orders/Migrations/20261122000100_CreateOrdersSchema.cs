using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.Migrations;

[DbContext(typeof(OrdersDbContext))]
[Migration("20261122000100_CreateOrdersSchema")]
internal sealed class CreateOrdersSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, OrdersContracts.Schema);
        if (names.Schema is not null)
        {
            migrationBuilder.EnsureSchema(names.Schema);
        }

        migrationBuilder.CreateMessagingTables(names);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, OrdersContracts.Schema);
        migrationBuilder.DropTable(names.Table(MessagingModel.InboxTable), names.Schema);
        migrationBuilder.DropTable(names.Table(MessagingModel.OutboxTable), names.Schema);
    }
}
