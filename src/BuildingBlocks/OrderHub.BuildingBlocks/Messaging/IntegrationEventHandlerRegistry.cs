using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>Which handler classes consume which integration event type.</summary>
public sealed class IntegrationEventHandlerRegistry
{
    private readonly Dictionary<Type, Type[]> _handlers;

    public IntegrationEventHandlerRegistry(ModuleCatalog catalog)
    {
        _handlers = catalog.Assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsClass: true })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>))
                .Select(i => (Event: i.GetGenericArguments()[0], Handler: t)))
            .GroupBy(x => x.Event)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Handler).Distinct().ToArray());
    }

    public IReadOnlyList<Type> HandlersFor(Type eventType) =>
        _handlers.TryGetValue(eventType, out var handlers) ? handlers : [];
}
