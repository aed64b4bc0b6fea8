using System.Reflection;

namespace OrderHub.BuildingBlocks.Modules;

/// <summary>What the host knows about a module: its name, database schema, DbContext and assemblies.</summary>
public sealed record ModuleDescriptor(string Name, string Schema, Type DbContextType, IReadOnlyList<Assembly> Assemblies)
{
    public bool Owns(Assembly assembly) => Assemblies.Contains(assembly);
}

/// <summary>Every module registered in the host, in registration order.</summary>
public sealed class ModuleCatalog(IEnumerable<ModuleDescriptor> modules)
{
    public IReadOnlyList<ModuleDescriptor> Modules { get; } = modules.ToList();

    public ModuleDescriptor ForAssembly(Assembly assembly) =>
        Modules.FirstOrDefault(m => m.Owns(assembly))
        ?? throw new InvalidOperationException($"No module owns assembly {assembly.GetName().Name}.");

    public ModuleDescriptor ByName(string name) =>
        Modules.FirstOrDefault(m => m.Name == name)
        ?? throw new InvalidOperationException($"No module is named {name}.");

    public IEnumerable<Assembly> Assemblies => Modules.SelectMany(m => m.Assemblies).Distinct();
}
