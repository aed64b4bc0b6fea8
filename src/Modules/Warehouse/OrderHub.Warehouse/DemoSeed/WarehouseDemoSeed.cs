using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.Warehouse.AddLocation;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.CreateWarehouse;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.DemoSeed;

/// <summary>
/// Two warehouses of the demo shop, each with a location of every type: the main one in Amsterdam takes the
/// returns, the second one in Leipzig ships too. Leaves every location (<see cref="LocationsFact"/>) for the
/// contributors that stock them.
/// </summary>
internal sealed class WarehouseDemoSeed : IDemoSeedContributor
{
    public const string LocationsFact = "warehouse.locations";

    private static readonly (string Code, string Name, PostalAddress Address)[] Sites =
    [
        ("AMS1", "Amsterdam fulfilment centre", new PostalAddress("Cateringweg 12", null, "Amsterdam", "Noord-Holland", "1118 AM", "NL")),
        ("LEJ1", "Leipzig fulfilment centre", new PostalAddress("Am Exer 7", "Halle 3", "Leipzig", "Sachsen", "04158", "DE")),
    ];

    public int Order => 10;

    public async Task<bool> HasDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<WarehouseDbContext>().Warehouses.AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var locations = new List<LocationInfo>();
        foreach (var (code, name, address) in Sites)
        {
            await context.SendAsync(new CreateWarehouseCommand(code, name, address), cancellationToken);
            foreach (var (locationCode, type) in LocationsOf(code))
            {
                var added = await context.SendAsync(new AddLocationCommand(code, locationCode, type.ToString(), null), cancellationToken);
                locations.Add(new LocationInfo(added.Code, added.Type, added.WarehouseCode));
            }
        }

        context.Put<IReadOnlyList<LocationInfo>>(LocationsFact, locations);
    }

    // Every type the module knows gets a location (a type added later too), so putaway finds a destination for each
    // disposition; pick faces and bulk bays come several to an aisle, as a picker walks them.
    private static IEnumerable<(string Code, LocationType Type)> LocationsOf(string warehouse) =>
        Enum.GetValues<LocationType>().SelectMany(type => type switch
        {
            LocationType.Pick => Enumerable.Range(1, 4).Select(bay => ($"{warehouse}-A{bay:D2}", type)),
            LocationType.Bulk => Enumerable.Range(1, 2).Select(bay => ($"{warehouse}-BULK{bay:D2}", type)),
            LocationType.Receiving => [($"{warehouse}-DOCK-IN", type)],
            LocationType.ReturnToVendor => [($"{warehouse}-RTV", type)],
            _ => [($"{warehouse}-{type.ToString().ToUpperInvariant()}", type)],
        });
}
