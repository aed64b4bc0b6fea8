using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>
/// A test of what only PostgreSQL offers (several nodes on one database, server sessions an administrator
/// terminates, write transactions open side by side); reported as skipped on the SQLite run, with
/// the reason given when the default one is not it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(string? why = null)
    {
        if (TestDatabase.ConfiguredProvider != DatabaseProvider.Postgres)
        {
            Skip = why ?? "Runs on the PostgreSQL run only: SQLite serves one process and has no server sessions.";
        }
    }
}

/// <summary>A test of SQLite's own behaviour; reported as skipped on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.ConfiguredProvider != DatabaseProvider.Sqlite)
        {
            Skip = "This checks what SQLite does when two processes open one file.";
        }
    }
}
