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
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateModuleSchema(OrdersContracts.Schema);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropMessagingTables(ModuleSchema.For(migrationBuilder, OrdersContracts.Schema));
}
