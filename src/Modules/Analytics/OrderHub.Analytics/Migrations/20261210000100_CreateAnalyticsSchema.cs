using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Analytics.Migrations;

[DbContext(typeof(AnalyticsDbContext))]
[Migration("20261210000100_CreateAnalyticsSchema")]
internal sealed class CreateAnalyticsSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateModuleSchema(AnalyticsContracts.Schema);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropMessagingTables(ModuleSchema.For(migrationBuilder, AnalyticsContracts.Schema));
}
