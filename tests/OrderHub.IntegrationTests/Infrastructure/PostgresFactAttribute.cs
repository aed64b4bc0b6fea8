using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs several OrderHub processes on one database, which only PostgreSQL serves: on SQLite it is
/// reported as skipped, with the reason, rather than passing without having run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.ConfiguredProvider != DatabaseProvider.Postgres)
        {
            Skip = "Several OrderHub processes share one database only on PostgreSQL (ORDERHUB_TEST_PROVIDER=Postgres).";
        }
    }
}
