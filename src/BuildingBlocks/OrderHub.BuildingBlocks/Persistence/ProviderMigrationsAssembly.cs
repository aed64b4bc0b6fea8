using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// The migrations and model snapshot of one module context for the provider in use (ADR 0031). A module keeps
/// its history in folders: the hand-written, provider-neutral migrations in <c>Migrations/</c>, which SQLite and
/// PostgreSQL databases have applied since the start, and one folder per provider (<c>Migrations/Sqlite</c>,
/// <c>Migrations/Postgres</c>, <c>Migrations/SqlServer</c>) holding that provider's model snapshot and the
/// migrations <c>dotnet ef migrations add</c> generates for it, column types and all. EF's own lookup takes every
/// migration of the context in the assembly and the first snapshot it finds; this one takes the shared ones and
/// the provider's own folder, told apart by namespace (the folder, as <c>dotnet ef</c> names it).
/// </summary>
/// <remarks>
/// SQL Server never had the hand-written history: its folder starts with a generated migration that creates the
/// whole schema, so it skips the shared folder.
/// </remarks>
public sealed class ProviderMigrationsAssembly : IMigrationsAssembly
{
    private readonly Type _contextType;
    private readonly string _folder;
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations;
    private readonly Lazy<ModelSnapshot?> _snapshot;

    public ProviderMigrationsAssembly(ICurrentDbContext currentContext)
    {
        _contextType = currentContext.Context.GetType();
        Assembly = _contextType.Assembly;
        _folder = FolderOf(currentContext.Context.Database.ProviderName);
        _migrations = new(FindMigrations);
        _snapshot = new(FindSnapshot);
    }

    /// <summary>The provider folders; a migration in none of them is a shared, hand-written one.</summary>
    public static IReadOnlyList<string> ProviderFolders { get; } = ["Sqlite", "Postgres", "SqlServer"];

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    public ModelSnapshot? ModelSnapshot => _snapshot.Value;

    public Assembly Assembly { get; }

    /// <summary>The folder (and last namespace segment) of a provider's migrations and snapshot.</summary>
    public static string FolderOf(string? providerName) => providerName switch
    {
        ModuleSchema.SqliteProviderName => "Sqlite",
        ModuleSchema.PostgresProviderName => "Postgres",
        ModuleSchema.SqlServerProviderName => "SqlServer",
        _ => throw new NotSupportedException($"OrderHub has no migrations for provider {providerName}."),
    };

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..], nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private IReadOnlyDictionary<string, TypeInfo> FindMigrations()
    {
        var result = new SortedDictionary<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in Assembly.DefinedTypes)
        {
            if (!type.IsAbstract && type.IsSubclassOf(typeof(Migration)) && BelongsHere(type, sharedToo: _folder != "SqlServer")
                && type.GetCustomAttribute<MigrationAttribute>() is { } migration)
            {
                result.Add(migration.Id, type);
            }
        }

        return result;
    }

    private ModelSnapshot? FindSnapshot()
    {
        var snapshots = Assembly.DefinedTypes
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot)) && BelongsHere(t, sharedToo: false))
            .ToList();
        return snapshots.Count switch
        {
            0 => null,
            1 => (ModelSnapshot)Activator.CreateInstance(snapshots[0].AsType())!,
            _ => throw new InvalidOperationException(
                $"{_contextType.Name} has {snapshots.Count} model snapshots for {_folder}: {string.Join(", ", snapshots.Select(s => s.FullName))}."),
        };
    }

    private bool BelongsHere(TypeInfo type, bool sharedToo)
    {
        if (type.GetCustomAttribute<DbContextAttribute>()?.ContextType != _contextType)
        {
            return false;
        }

        var folder = type.Namespace?[(type.Namespace.LastIndexOf('.') + 1)..];
        return folder == _folder || (sharedToo && !ProviderFolders.Contains(folder));
    }
}
