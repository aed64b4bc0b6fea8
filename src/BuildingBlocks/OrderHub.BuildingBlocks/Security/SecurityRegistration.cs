using Microsoft.Extensions.DependencyInjection;

namespace OrderHub.BuildingBlocks.Security;

public static class SecurityRegistration
{
    /// <summary>
    /// The current actor and the authorization policies routes name. Authentication (which key is calling, in
    /// what role) is registered by the module that issues the keys.
    /// </summary>
    public static IServiceCollection AddOrderHubSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.Staff))
            .AddPolicy(Policies.StaffOrStorefront, p => p.RequireRole(Roles.Admin, Roles.Staff, Roles.Storefront))
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.All.ToArray()));
        return services;
    }
}
