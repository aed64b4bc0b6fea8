using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Persistence.Tests;

/// <summary>The direct row writer (ADR 0032) must take every row type of every module on PostgreSQL, or saves fall back to EF Core.</summary>
public sealed class DirectRowWriterModelTests
{
    [Fact]
    public void Every_entity_type_of_every_module_is_written_directly_on_PostgreSQL()
    {
        var left = ModuleContexts.For(DatabaseProvider.Postgres)
            .SelectMany(c => c.Model.GetEntityTypes())
            .Where(t => !DirectRowWriter.Writes(t))
            .Select(t => t.DisplayName())
            .ToList();

        left.ShouldBeEmpty();
    }
}
