using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdempotencyAnswerETag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "response_etag",
                table: "platform_idempotency_records",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "response_etag",
                table: "platform_idempotency_records");
        }
    }
}
