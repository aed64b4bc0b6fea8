using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderHub.Platform.ApiKeyAuthentication;

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
