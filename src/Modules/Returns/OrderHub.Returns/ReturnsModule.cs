using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns;

/// <summary>Composition of the Returns module, called by the host.</summary>
public static class ReturnsModule
{
    public static ModuleDescriptor Descriptor { get; } = new(
        ReturnsContracts.ModuleName,
        ReturnsContracts.Schema,
        typeof(ReturnsDbContext),
        [typeof(ReturnsModule).Assembly, typeof(ReturnsContracts).Assembly]);

    public static IServiceCollection AddReturnsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Descriptor);
        services.AddModuleDbContext<ReturnsDbContext>(ReturnsContracts.Schema);
        return services;
    }

    public static IEndpointRouteBuilder MapReturnsEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
