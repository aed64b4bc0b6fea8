using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Cluster;

public static class ClusterRegistration
{
    /// <summary>The cluster bus, and on PostgreSQL the node's LISTEN connection.</summary>
    public static IServiceCollection AddOrderHubCluster(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton<ClusterBus>();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddHostedService<ClusterListener>();
        }

        return services;
    }
}
