using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderHub.Notifications.CustomerLinks;

/// <summary>Loads or creates the stored key at startup, before the first email needs it inside a write transaction.</summary>
internal sealed class LinkSigningKeyWarmUp(LinkSigningKey key, ILogger<LinkSigningKeyWarmUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await key.GetAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not fatal: the key is loaded again when a link is first minted or checked.
            logger.LogWarning(exception, "The customer link signing key could not be loaded at startup.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
