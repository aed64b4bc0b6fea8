using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>A test of PostgreSQL's own behaviour (sessions an administrator terminates); skipped on the SQLite run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.ConfiguredProvider != DatabaseProvider.Postgres)
        {
            Skip = "Runs on the PostgreSQL run only: SQLite has no server sessions to terminate.";
        }
    }
}
