using System.Data.Common;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Scheduling;

/// <summary>Creates the schema Quartz's clustered tables live in, under the migrator's lock.</summary>
internal sealed class QuartzSchemaStep : IDatabaseSetupStep
{
    public async Task RunAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE SCHEMA IF NOT EXISTS {SchedulingRegistration.QuartzSchema}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
