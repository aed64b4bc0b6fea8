using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>A test of what only PostgreSQL offers (several nodes on one database); reported as skipped on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.ConfiguredProvider != DatabaseProvider.Postgres)
        {
            Skip = "Several OrderHub nodes share a PostgreSQL database; SQLite serves one process.";
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
