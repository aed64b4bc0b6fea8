using System.Reflection;
using OrderHub.Api.Platform;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Platform;
using OrderHub.Inventory;
using OrderHub.Notifications;
using OrderHub.Orders;
using OrderHub.Returns;
using OrderHub.Warehouse;

namespace OrderHub.Api;

/// <summary>The host's one list of modules: each registers its services and maps its endpoints here.</summary>
internal static class ModulesRegistry
{
    public static readonly ModuleDescriptor Platform = new(
        "Platform", PlatformDbContext.Schema, typeof(PlatformDbContext), [typeof(PlatformDbContext).Assembly, typeof(ModulesRegistry).Assembly]);

    public static IServiceCollection AddOrderHubModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Platform);
        services.AddModuleDbContext<PlatformDbContext>(PlatformDbContext.Schema);
        services
            .AddWarehouseModule(configuration)
            .AddInventoryModule(configuration)
            .AddOrdersModule(configuration)
            .AddReturnsModule(configuration)
            .AddNotificationsModule(configuration);

        var assemblies = ModuleAssemblies(services);
        services.AddOrderHubMediator();
        services.AddOrderHubHandlers(assemblies);
        services.AddOrderHubMapping(configuration, assemblies);
        return services;
    }

    public static IEndpointRouteBuilder MapOrderHubModules(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlatformEndpoints();
        endpoints
            .MapWarehouseEndpoints()
            .MapInventoryEndpoints()
            .MapOrdersEndpoints()
            .MapReturnsEndpoints()
            .MapNotificationsEndpoints();

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
