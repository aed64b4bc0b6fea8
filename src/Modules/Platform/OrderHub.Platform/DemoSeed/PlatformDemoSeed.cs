using OrderHub.BuildingBlocks.Demo;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Platform.IssueApiKey;

namespace OrderHub.Platform.DemoSeed;

/// <summary>
/// An admin key for whoever opens the demo: issued like any other key (only its hash is stored) and shown once,
/// in the seed's summary.
/// </summary>
internal sealed class PlatformDemoSeed : IDemoSeedContributor
{
    public int Order => 0;

    // Keys say nothing about whether a shop exists (a bootstrap key may be all there is), so Platform never
    // stops the seed.
    public Task<bool> HasDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.FromResult(false);

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var issued = await context.SendAsync(new IssueApiKeyCommand("demo-admin", Roles.Admin, null), cancellationToken);
        context.AddToSummary("Admin API key (X-Api-Key, shown once)", issued.Key);
    }
}
