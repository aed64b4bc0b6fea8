using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Platform;

namespace OrderHub.BuildingBlocks.Security;

public static class SecurityRegistration
{
    public static IServiceCollection AddOrderHubSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        var generated = false;
        if (string.IsNullOrWhiteSpace(options.BootstrapAdminKey) && environment.IsDevelopment())
        {
            options.BootstrapAdminKey = "ohk_dev_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            generated = true;
        }

        services.AddSingleton(options);
        services.AddSingleton(new BootstrapAdminKey(options.BootstrapAdminKey));
        services.AddSingleton(new BootstrapKeyAnnouncement(generated ? options.BootstrapAdminKey : null, string.IsNullOrWhiteSpace(options.BootstrapAdminKey)));
        services.AddHostedService<BootstrapKeyAnnouncer>();
        services.AddCommittedStateCache<ApiKeyCache>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.Staff))
            .AddPolicy(Policies.StaffOrStorefront, p => p.RequireRole(Roles.Admin, Roles.Staff, Roles.Storefront))
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.All.ToArray()));
        services.AddSingleton<IdempotencyStore>();
        return services;
    }

    /// <summary>Drops a revoked key from every node's verification cache when the revocation commits.</summary>
    public static void ForgetKeyWhenEnded(this IServiceProvider services, UnitOfWork unitOfWork, string hash) =>
        services.GetRequiredService<ApiKeyCache>().InvalidateWhenEnded(unitOfWork, hash);
}

internal sealed record BootstrapKeyAnnouncement(string? GeneratedKey, bool NoneConfigured);

/// <summary>Prints a generated development admin key once, at startup.</summary>
internal sealed class BootstrapKeyAnnouncer(BootstrapKeyAnnouncement announcement, ILogger<BootstrapKeyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (announcement.GeneratedKey is not null)
        {
            logger.LogWarning(
                "No OrderHub:Security:BootstrapAdminKey is configured; this Development run generated the admin key {BootstrapAdminKey}. It is shown once and valid until the process stops.",
                announcement.GeneratedKey);
        }
        else if (announcement.NoneConfigured)
        {
            logger.LogWarning("No OrderHub:Security:BootstrapAdminKey is configured: only keys already issued can call the API.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
