using System.Data.Common;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// Database setup outside the modules' migrations (a schema for a library's own tables), run by the migrator
/// after them on its own connection, under the same lock. It must be idempotent: it runs at every startup.
/// </summary>
public interface IDatabaseSetupStep
{
    Task RunAsync(DbConnection connection, CancellationToken cancellationToken);
}
