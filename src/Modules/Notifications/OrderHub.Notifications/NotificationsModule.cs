using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications;

/// <summary>Composition of the Notifications module, called by the host.</summary>
public static class NotificationsModule
{
    public static ModuleDescriptor Descriptor { get; } = new(
        NotificationsContracts.ModuleName,
        NotificationsContracts.Schema,
        typeof(NotificationsDbContext),
        [typeof(NotificationsModule).Assembly, typeof(NotificationsContracts).Assembly]);

    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Descriptor);
        services.AddModuleDbContext<NotificationsDbContext>(NotificationsContracts.Schema);
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
