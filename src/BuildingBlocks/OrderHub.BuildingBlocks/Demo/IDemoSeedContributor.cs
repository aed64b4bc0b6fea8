namespace OrderHub.BuildingBlocks.Demo;

/// <summary>
/// One module's part of the demo shop. The host runs every contributor, lowest <see cref="Order"/> first, on an
/// empty database only; each fills its own module through its own use cases.
/// </summary>
public interface IDemoSeedContributor
{
    /// <summary>Runs after every contributor with a lower number: what it builds on must already exist.</summary>
    int Order { get; }

    /// <summary>Whether the module already holds data of its own, in which case nothing is seeded anywhere.</summary>
    Task<bool> HasDataAsync(IServiceProvider services, CancellationToken cancellationToken);

    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}
