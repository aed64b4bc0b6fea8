using System.Reflection;
using OrderHub.Analytics;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Inventory;
using OrderHub.Notifications;
using OrderHub.Orders;
using OrderHub.Platform;
using OrderHub.Returns;
using OrderHub.Warehouse;

namespace OrderHub.Api;

/// <summary>The host's one list of modules: each registers its services and maps its endpoints here.</summary>
internal static class ModulesRegistry
{
    public static IServiceCollection AddOrderHubModules(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services
            .AddPlatformModule(configuration, environment)
            .AddWarehouseModule(configuration)
            .AddInventoryModule(configuration)
            .AddOrdersModule(configuration)
            .AddReturnsModule(configuration)
            .AddNotificationsModule(configuration)
            .AddAnalyticsModule(configuration);

        var assemblies = ModuleAssemblies(services);
        services.AddOrderHubMediator();
        services.AddOrderHubHandlers(assemblies);
        services.AddOrderHubMapping(configuration, assemblies);
        return services;
    }

    public static IEndpointRouteBuilder MapOrderHubModules(this IEndpointRouteBuilder endpoints)
    {
        endpoints
            .MapPlatformEndpoints()
            .MapWarehouseEndpoints()
            .MapInventoryEndpoints()
            .MapOrdersEndpoints()
            .MapReturnsEndpoints()
            .MapNotificationsEndpoints()
            .MapAnalyticsEndpoints();

        // Modules added without a host change (plug-ins, test probes) contribute their routes through DI.
        foreach (var module in endpoints.ServiceProvider.GetServices<IEndpointModule>())
        {
            module.MapEndpoints(endpoints);
        }

        return endpoints;
    }

    private static List<Assembly> ModuleAssemblies(IServiceCollection services) =>
        services
            .Where(d => d.ServiceType == typeof(ModuleDescriptor) && d.ImplementationInstance is ModuleDescriptor)
            .SelectMany(d => ((ModuleDescriptor)d.ImplementationInstance!).Assemblies)
            .Distinct()
            .ToList();
}
