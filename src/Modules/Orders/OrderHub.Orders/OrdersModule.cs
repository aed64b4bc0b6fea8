using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.CancelOrder;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.DeliverOrder;
using OrderHub.Orders.DemoSeed;
using OrderHub.Orders.GetOrder;
using OrderHub.Orders.GetOrderAllocations;
using OrderHub.Orders.GetOrderTimeline;
using OrderHub.Orders.ListOrders;
using OrderHub.Orders.Persistence;
using OrderHub.Orders.PlaceOrder;
using OrderHub.Orders.ShipOrder;
using OrderHub.Orders.ShortShipOrder;

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
        services.AddScoped<OrderPlacement>();
        services.AddTransient<IDemoSeedContributor, OrdersDemoSeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrdersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/api/v1/orders").WithTags("Orders").WithStandardProblems();
        PlaceOrderEndpoint.Map(orders);
        GetOrderEndpoint.Map(orders);
        ListOrdersEndpoint.Map(orders);
        GetOrderTimelineEndpoint.Map(orders);
        ShipOrderEndpoint.Map(orders);
        DeliverOrderEndpoint.Map(orders);
        CancelOrderEndpoint.Map(orders);
        ShortShipOrderEndpoint.Map(orders);
        GetOrderAllocationsEndpoint.Map(orders);
        return endpoints;
    }
}
