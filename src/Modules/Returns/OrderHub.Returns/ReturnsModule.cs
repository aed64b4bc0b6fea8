using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Scheduling;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Access;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;
using OrderHub.Returns.ReturnableLines;
using OrderHub.Returns.ReturnDeadlines;
using OrderHub.Returns.ReviewReturn;

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
        var options = configuration.GetSection(ReturnsOptions.SectionName).Get<ReturnsOptions>() ?? new ReturnsOptions();
        services.AddSingleton(options);
        services.AddScoped<ReturnFacts>();
        services.AddCommittedStateCache<CurrentPolicyCache>();
        services.AddScoped<ReturnWorkflow>();
        services.AddScoped<ReturnWarehouses>();
        services.AddScoped<ReturnsAccess>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PortalTokenAuthenticationHandler>(PortalTokenAuthenticationHandler.SchemeName, null);
        services.Configure<AuthorizationOptions>(ReturnEndpoints.AddPolicies);
        services.AddRecurringJob<ReturnDeadlinesJob>(options.DeadlineCheckInterval);
        return services;
    }

    public static IEndpointRouteBuilder MapReturnsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ReturnEndpoints.Map(endpoints);
        return endpoints;
    }
}
