using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders;

/// <summary>Composition of the Orders module, called by the host.</summary>
public static class OrdersModule
{
    public static ModuleDescriptor Descriptor { get; } = new(
        OrdersContracts.ModuleName,
        OrdersContracts.Schema,
        typeof(OrdersDbContext),
        [typeof(OrdersModule).Assembly, typeof(OrdersContracts).Assembly]);

    public static IServiceCollection AddOrdersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Descriptor);
        services.AddModuleDbContext<OrdersDbContext>(OrdersContracts.Schema);
        return services;
    }

    public static IEndpointRouteBuilder MapOrdersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        OrderEndpoints.Map(endpoints);
        return endpoints;
    }
}
