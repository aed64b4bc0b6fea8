using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.Migrations;

/// <summary>
/// Each return line names its own order (a return may take items from several orders of one customer), and a
/// return records why its parcel goes where it goes. Lines written before take their return's order.
/// </summary>
[DbContext(typeof(ReturnsDbContext))]
[Migration("20261210000000_AddConsolidatedReturns")]
internal sealed class AddConsolidatedReturns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, ReturnsContracts.Schema);
        var lines = names.Table("return_lines");
        migrationBuilder.AddColumn<Guid>("order_id", lines, nullable: false, defaultValue: Guid.Empty, schema: names.Schema);
        migrationBuilder.AddColumn<string>("order_number", lines, maxLength: 32, nullable: false, defaultValue: string.Empty, schema: names.Schema);
        migrationBuilder.AddColumn<string>("routing_reason", names.Table("returns"), maxLength: 300, nullable: true, schema: names.Schema);

        var linesTable = Qualified(names, "return_lines");
        var returnsTable = Qualified(names, "returns");
        migrationBuilder.Sql(
            $"UPDATE {linesTable} SET " +
            $"order_id = (SELECT r.order_id FROM {returnsTable} r WHERE r.id = {linesTable}.return_id), " +
            $"order_number = (SELECT r.order_number FROM {returnsTable} r WHERE r.id = {linesTable}.return_id)");
        migrationBuilder.CreateIndex(names.Index("return_lines", "order_id"), lines, "order_id", names.Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var names = ModuleSchema.For(migrationBuilder, ReturnsContracts.Schema);
        var lines = names.Table("return_lines");
        migrationBuilder.DropIndex(names.Index("return_lines", "order_id"), lines, names.Schema);
        migrationBuilder.DropColumn("order_id", lines, names.Schema);
        migrationBuilder.DropColumn("order_number", lines, names.Schema);
        migrationBuilder.DropColumn("routing_reason", names.Table("returns"), names.Schema);
    }

    private static string Qualified(ModuleSchema names, string table) =>
        names.IsSqlite ? $"\"{names.Table(table)}\"" : $"\"{names.Schema}\".\"{table}\"";
}
