using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.AdjustStock;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.CreateSku;
using OrderHub.Inventory.DemoSeed;
using OrderHub.Inventory.GetSku;
using OrderHub.Inventory.GetStock;
using OrderHub.Inventory.ListMovements;
using OrderHub.Inventory.ListSkus;
using OrderHub.Inventory.Persistence;
using OrderHub.Inventory.ReceiveStock;
using OrderHub.Inventory.SetLowStockThreshold;
using OrderHub.Inventory.StreamStock;
using OrderHub.Inventory.TransferStock;

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
        services.AddScoped<StockSession>();
        services.AddSingleton(configuration.GetSection(StockWriterOptions.Section).Get<StockWriterOptions>() ?? new StockWriterOptions());
        services.AddSingleton<StockWriterGate>();
        services.AddScoped<StockWriterGate.Turn>();
        services.AddTransient<IDemoSeedContributor, InventoryDemoSeed>();
        services.AddSingleton(configuration.GetSection(StockReadCacheOptions.Section).Get<StockReadCacheOptions>() ?? new StockReadCacheOptions());
        services.AddCommittedStateCache<StockReadCache>();
        services.AddSingleton<StockStream>();
        return services;
    }

    public static IEndpointRouteBuilder MapInventoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Reads are open to every role; the writes add the Staff policy on top.
        var skus = endpoints.MapGroup("/api/v1/skus")
            .WithTags("SKUs")
            .RequireAuthorization(Policies.Read)
            .WithStandardProblems();
        CreateSkuEndpoint.Map(skus);
        GetSkuEndpoint.Map(skus);
        ListSkusEndpoint.Map(skus);
        SetLowStockThresholdEndpoint.Map(skus);

        var inventory = endpoints.MapGroup("/api/v1/inventory")
            .WithTags("Inventory")
            .RequireAuthorization(Policies.Read)
            .WithStandardProblems();
        ReceiveStockEndpoint.Map(inventory);
        AdjustStockEndpoint.Map(inventory);
        TransferStockEndpoint.Map(inventory);
        StreamStockEndpoint.Map(inventory);
        GetStockEndpoint.Map(inventory);
        ListMovementsEndpoint.Map(inventory);
        return endpoints;
    }
}
