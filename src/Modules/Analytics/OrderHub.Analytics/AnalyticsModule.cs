using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.GetProcessingTimes;
using OrderHub.Analytics.GetReturnsByDimension;
using OrderHub.Analytics.GetReturnsSummary;
using OrderHub.Analytics.ListReturningCustomers;
using OrderHub.Analytics.Persistence;
using OrderHub.Analytics.RebuildReadModel;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Analytics;

/// <summary>Composition of the Analytics module, called by the host.</summary>
public static class AnalyticsModule
{
    public static ModuleDescriptor Descriptor { get; } = new(
        AnalyticsContracts.ModuleName,
        AnalyticsContracts.Schema,
        typeof(AnalyticsDbContext),
        [typeof(AnalyticsModule).Assembly, typeof(AnalyticsContracts).Assembly]);

    public static IServiceCollection AddAnalyticsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Descriptor);
        services.AddModuleDbContext<AnalyticsDbContext>(AnalyticsContracts.Schema);
        services.AddScoped<ReadModelWriter>();
        services.AddScoped<CommitCounters>();
        return services;
    }

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var analytics = endpoints.MapGroup("/api/v1/analytics").WithTags("Analytics").WithStandardProblems();
        var returns = analytics.MapGroup("/returns").RequireAuthorization(Policies.StaffOrStorefront);
        GetReturnsSummaryEndpoint.Map(returns);
        GetReturnsByDimensionEndpoint.Map(returns);
        GetProcessingTimesEndpoint.Map(returns);
        ListReturningCustomersEndpoint.Map(returns);
        RebuildReadModelEndpoint.Map(analytics);
        return endpoints;
    }
}
