using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory;

/// <summary>Composition of the Inventory module, called by the host.</summary>
public static class InventoryModule
{
    public static ModuleDescriptor Descriptor { get; } = new(
        InventoryContracts.ModuleName,
        InventoryContracts.Schema,
        typeof(InventoryDbContext),
        [typeof(InventoryModule).Assembly, typeof(InventoryContracts).Assembly]);

    public static IServiceCollection AddInventoryModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Descriptor);
        services.AddModuleDbContext<InventoryDbContext>(InventoryContracts.Schema);
        return services;
    }

    public static IEndpointRouteBuilder MapInventoryEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
