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
using OrderHub.Orders.CreatePickList;
using OrderHub.Orders.DeliverOrder;
using OrderHub.Orders.DemoSeed;
using OrderHub.Orders.GetOrder;
using OrderHub.Orders.GetOrderAllocations;
using OrderHub.Orders.GetOrderTimeline;
using OrderHub.Orders.GetPickList;
using OrderHub.Orders.ListOrders;
using OrderHub.Orders.Persistence;
using OrderHub.Orders.PlaceOrder;
using OrderHub.Orders.ScanPick;
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

        // Pick lists belong with the allocations they are made of (ADR 0030); the warehouse-scoped route joins the Warehouse
        // module's prefix without reaching into it.
        var warehouses = endpoints.MapGroup("/api/v1/warehouses").WithTags("Pick lists").WithStandardProblems();
        CreatePickListEndpoint.Map(warehouses);
        var pickLists = endpoints.MapGroup("/api/v1/pick-lists").WithTags("Pick lists").WithStandardProblems();
        GetPickListEndpoint.Map(pickLists);
        ScanPickEndpoint.Map(pickLists);
        return endpoints;
    }
}
