using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Platform.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IdempotencyAnswerETag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "response_etag",
                schema: "platform",
                table: "idempotency_records",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "response_etag",
                schema: "platform",
                table: "idempotency_records");
        }
    }
}
