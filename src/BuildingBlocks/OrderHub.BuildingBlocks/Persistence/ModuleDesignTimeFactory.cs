using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// How <c>dotnet ef</c> builds a module's context (ADR 0031): configured exactly as at run time, for the provider
/// named by <c>--provider Sqlite|Postgres|SqlServer</c> after <c>--</c> on the command line or by the
/// <c>ORDERHUB_EF_PROVIDER</c> environment variable (build/ef.sh sets it). No connection is made: adding a
/// migration compares the model with the provider's snapshot only.
/// </summary>
public abstract class ModuleDesignTimeFactory<TContext>(string schema) : IDesignTimeDbContextFactory<TContext>, IModuleDesignTimeFactory
    where TContext : ModuleDbContext
{
    public const string ProviderVariable = "ORDERHUB_EF_PROVIDER";

    public TContext CreateDbContext(string[] args) => Create(ProviderFrom(args));

    /// <summary>The context for <paramref name="provider"/>, with no connection; for migrations, scripts and tests.</summary>
    ModuleDbContext IModuleDesignTimeFactory.Create(DatabaseProvider provider) => Create(provider);

    public TContext Create(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        PersistenceRegistration.Configure(builder, provider, schema);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }

    private static DatabaseProvider ProviderFrom(string[] args)
    {
        var index = Array.IndexOf(args, "--provider");
        var name = index >= 0 && index + 1 < args.Length ? args[index + 1] : Environment.GetEnvironmentVariable(ProviderVariable);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException(
                $"Name the provider: dotnet ef ... -- --provider Sqlite|Postgres|SqlServer, or set {ProviderVariable} (build/ef.sh does).");
        }

        return Enum.Parse<DatabaseProvider>(name, ignoreCase: true);
    }
}

/// <summary>A module's design-time factory, whatever its context type: lets tests build every module's model per provider.</summary>
public interface IModuleDesignTimeFactory
{
    ModuleDbContext Create(DatabaseProvider provider);
}
