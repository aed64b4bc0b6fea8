using Microsoft.EntityFrameworkCore.Migrations;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// Names of a module's tables. PostgreSQL and SQL Server get a real schema per module; SQLite has none, so the
/// schema becomes a table-name prefix. Hand-written migrations and the EF model both take names from here.
/// </summary>
/// <param name="Name">The module's schema (PostgreSQL, SQL Server) or table-name prefix (SQLite).</param>
/// <param name="IsSqlite">True on SQLite: no schemas, so every table carries the prefix.</param>
public sealed record ModuleSchema(string Name, bool IsSqlite)
{
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    public const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public const string SqlServerProviderName = "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>The schema to pass to EF, or null where tables carry a prefix instead.</summary>
    public string? Schema => IsSqlite ? null : Name;

    public string Table(string table) => IsSqlite ? $"{Name}_{table}" : table;

    public string PrimaryKey(string table) => $"PK_{Table(table)}";

    public string Index(string table, params string[] columns) => $"IX_{Table(table)}_{string.Join('_', columns)}";

    public string ForeignKey(string table, string principalTable, params string[] columns) =>
        $"FK_{Table(table)}_{Table(principalTable)}_{string.Join('_', columns)}";

    public static ModuleSchema For(MigrationBuilder migrationBuilder, string name) =>
        new(name, migrationBuilder.ActiveProvider == SqliteProviderName);
}
