using System.Text.Json;
using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>Maps outbox type names to event types and (de)serialises payloads.</summary>
public sealed class IntegrationEventSerializer
{
    private readonly Dictionary<string, Type> _types;

    public IntegrationEventSerializer(ModuleCatalog catalog)
    {
        _types = catalog.Assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .ToDictionary(NameOf);
    }

    public JsonSerializerOptions Options { get; } = CreateOptions();

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    public IIntegrationEvent? Deserialize(string typeName, string payload) =>
        _types.TryGetValue(typeName, out var type)
            ? (IIntegrationEvent?)JsonSerializer.Deserialize(payload, type, Options)
            : null;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
