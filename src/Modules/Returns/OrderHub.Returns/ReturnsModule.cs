using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Scheduling;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.ApproveReturn;
using OrderHub.Returns.CancelReturn;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.CreateReturn;
using OrderHub.Returns.DemoSeed;
using OrderHub.Returns.GetReturn;
using OrderHub.Returns.GetReturnLabel;
using OrderHub.Returns.GetReturnPolicy;
using OrderHub.Returns.GetReturnPolicyVersion;
using OrderHub.Returns.GetReturnTimeline;
using OrderHub.Returns.GetReturnableLines;
using OrderHub.Returns.InspectReturn;
using OrderHub.Returns.ListReturnPolicyVersions;
using OrderHub.Returns.ListPortalOrders;
using OrderHub.Returns.ListReturns;
using OrderHub.Returns.OpenPortalSession;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;
using OrderHub.Returns.ReceiveReturn;
using OrderHub.Returns.RejectReturn;
using OrderHub.Returns.ReturnDeadlines;
using OrderHub.Returns.SimulateReturnPolicy;
using OrderHub.Returns.UpdateReturnPolicy;

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
        services.AddTransient<IDemoSeedContributor, ReturnsDemoSeed>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PortalTokenAuthenticationHandler>(PortalTokenAuthenticationHandler.SchemeName, null);
        services.Configure<AuthorizationOptions>(ReturnsAuthorization.AddPolicies);
        services.AddRecurringJob<ReturnDeadlinesJob>(options.DeadlineCheckInterval);
        return services;
    }

    public static IEndpointRouteBuilder MapReturnsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var policy = endpoints.MapGroup("/api/v1/return-policy").WithTags("Returns").WithStandardProblems();
        GetReturnPolicyEndpoint.Map(policy);
        ListReturnPolicyVersionsEndpoint.Map(policy);
        GetReturnPolicyVersionEndpoint.Map(policy);
        UpdateReturnPolicyEndpoint.Map(policy);
        SimulateReturnPolicyEndpoint.Map(policy);

        // The Orders and portal paths carry only Returns routes that name their own tags and problems.
        GetReturnableLinesEndpoint.Map(endpoints.MapGroup("/api/v1/orders"));
        var portal = endpoints.MapGroup("/api/v1/portal");
        OpenPortalSessionEndpoint.Map(portal);
        ListPortalOrdersEndpoint.Map(portal);

        var returns = endpoints.MapGroup("/api/v1/returns").WithTags("Returns").WithStandardProblems();
        CreateReturnEndpoint.Map(returns);
        GetReturnEndpoint.Map(returns);
        ListReturnsEndpoint.Map(returns);
        GetReturnTimelineEndpoint.Map(returns);
        ApproveReturnEndpoint.Map(returns);
        RejectReturnEndpoint.Map(returns);
        CancelReturnEndpoint.Map(returns);
        ReceiveReturnEndpoint.Map(returns);
        InspectReturnEndpoint.Map(returns);
        GetReturnLabelEndpoint.Map(returns);
        return endpoints;
    }
}
