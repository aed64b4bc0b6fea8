using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.Notifications.CustomerLinks;

namespace OrderHub.Notifications.DemoSeed;

/// <summary>
/// Customer messages follow from the other modules' events; the seed creates no webhook subscription, so nothing
/// leaves the process. It only makes sure the link signing key exists first: the seed runs before the hosted
/// services that would create it, and an email's link is minted inside the delivery's write transaction, where
/// storing the key would wait on that very transaction.
/// </summary>
internal sealed class NotificationsDemoSeed : IDemoSeedContributor
{
    public int Order => 5;

    public Task<bool> HasDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.FromResult(false);

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken) =>
        await context.InScopeAsync(async sp => await sp.GetRequiredService<LinkSigningKey>().GetAsync(cancellationToken));
}
