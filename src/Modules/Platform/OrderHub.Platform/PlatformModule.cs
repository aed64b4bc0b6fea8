using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Platform.ApiKeyAuthentication;
using OrderHub.Platform.Contracts;
using OrderHub.Platform.DataProtectionKeys;
using OrderHub.Platform.DemoSeed;
using OrderHub.Platform.Idempotency;
using OrderHub.Platform.IssueApiKey;
using OrderHub.Platform.ListApiKeys;
using OrderHub.Platform.Persistence;
using OrderHub.Platform.RevokeApiKey;

namespace OrderHub.Platform;

/// <summary>
/// Composition of the Platform module, called by the host: API keys (issuing, revoking, authenticating
/// <c>X-Api-Key</c>) and the idempotency records behind every route's <c>WithIdempotency()</c>.
/// </summary>
public static class PlatformModule
{
    public static ModuleDescriptor Descriptor { get; } = new(
        PlatformContracts.ModuleName,
        PlatformContracts.Schema,
        typeof(PlatformDbContext),
        [typeof(PlatformModule).Assembly, typeof(PlatformContracts).Assembly]);

    public static IServiceCollection AddPlatformModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(Descriptor);
        services.AddModuleDbContext<PlatformDbContext>(PlatformContracts.Schema);
        services.AddTransient<IDemoSeedContributor, PlatformDemoSeed>();
        services.AddApiKeyAuthentication(configuration, environment);
        services.AddSharedDataProtection();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IIdempotencyFilter, IdempotencyFilter>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/api-keys")
            .WithTags("API keys")
            .RequireAuthorization(Policies.Admin)
            .WithStandardProblems();
        IssueApiKeyEndpoint.Map(group);
        ListApiKeysEndpoint.Map(group);
        RevokeApiKeyEndpoint.Map(group);
        return endpoints;
    }
}
