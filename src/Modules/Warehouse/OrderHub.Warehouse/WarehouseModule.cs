using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse;

/// <summary>Composition of the Warehouse module, called by the host.</summary>
public static class WarehouseModule
{
    public static ModuleDescriptor Descriptor { get; } = new(
        WarehouseContracts.ModuleName,
        WarehouseContracts.Schema,
        typeof(WarehouseDbContext),
        [typeof(WarehouseModule).Assembly, typeof(WarehouseContracts).Assembly]);

    public static IServiceCollection AddWarehouseModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Descriptor);
        services.AddModuleDbContext<WarehouseDbContext>(WarehouseContracts.Schema);
        return services;
    }

    public static IEndpointRouteBuilder MapWarehouseEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
