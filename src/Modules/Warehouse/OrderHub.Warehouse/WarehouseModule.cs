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
using OrderHub.Warehouse.AddLocation;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.CreateWarehouse;
using OrderHub.Warehouse.DemoSeed;
using OrderHub.Warehouse.GetWarehouse;
using OrderHub.Warehouse.ListLocations;
using OrderHub.Warehouse.ListWarehouses;
using OrderHub.Warehouse.Persistence;
using OrderHub.Warehouse.ScanCode;
using OrderHub.Warehouse.SetWarehousePriority;

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
        services.AddCommittedStateCache<PutawayCandidatesCache>();
        services.AddCommittedStateCache<WarehouseRanksCache>();
        services.AddModuleDbContext<WarehouseDbContext>(WarehouseContracts.Schema);
        services.AddTransient<IDemoSeedContributor, WarehouseDemoSeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapWarehouseEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Reads are open to every role; the writes add the Staff policy on top.
        var group = endpoints.MapGroup("/api/v1/warehouses")
            .WithTags("Warehouses")
            .RequireAuthorization(Policies.Read)
            .WithStandardProblems();
        ListWarehousesEndpoint.Map(group);
        CreateWarehouseEndpoint.Map(group);
        GetWarehouseEndpoint.Map(group);
        AddLocationEndpoint.Map(group);
        ListLocationsEndpoint.Map(group);
        SetWarehousePriorityEndpoint.Map(group);

        var scan = endpoints.MapGroup("/api/v1/scan")
            .WithTags("Scanning")
            .RequireAuthorization(Policies.Staff)
            .WithStandardProblems();
        ScanCodeEndpoint.Map(scan);
        return endpoints;
    }
}
