using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Platform.ApiKeyAuthentication;

internal static class ApiKeyAuthenticationRegistration
{
    /// <summary>Makes <c>X-Api-Key</c> the default authentication scheme, with the bootstrap admin key and the key cache.</summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        var generated = false;
        if (string.IsNullOrWhiteSpace(options.BootstrapAdminKey) && environment.IsDevelopment())
        {
            options.BootstrapAdminKey = "ohk_dev_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            generated = true;
        }

        services.AddSingleton(new BootstrapAdminKey(options.BootstrapAdminKey));
        services.AddSingleton(new BootstrapKeyAnnouncement(generated ? options.BootstrapAdminKey : null, string.IsNullOrWhiteSpace(options.BootstrapAdminKey)));
        services.AddHostedService<BootstrapKeyAnnouncer>();
        services.AddCommittedStateCache<ApiKeyCache>();
        services.AddScoped<ApiKeyVerifier>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        return services;
    }
}
