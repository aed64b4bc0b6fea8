using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>
/// A test of what only PostgreSQL offers (several nodes on one database, server sessions an administrator
/// terminates); reported as skipped on the SQLite run.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.ConfiguredProvider != DatabaseProvider.Postgres)
        {
            Skip = "Runs on the PostgreSQL run only: SQLite serves one process and has no server sessions.";
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
