using System.Reflection;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Persistence.Tests;

/// <summary>Every module's context, built by its design-time factory for a provider, with no connection.</summary>
internal static class ModuleContexts
{
    private static readonly Assembly[] ModuleAssemblies =
    [
        typeof(OrderHub.Orders.OrdersModule).Assembly,
        typeof(OrderHub.Inventory.InventoryModule).Assembly,
        typeof(OrderHub.Warehouse.WarehouseModule).Assembly,
        typeof(OrderHub.Returns.ReturnsModule).Assembly,
        typeof(OrderHub.Notifications.NotificationsModule).Assembly,
        typeof(OrderHub.Platform.PlatformModule).Assembly,
        typeof(OrderHub.Analytics.AnalyticsModule).Assembly,
    ];

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres, DatabaseProvider.SqlServer];

    public static IReadOnlyList<ModuleDbContext> For(DatabaseProvider provider)
    {
        var factories = ModuleAssemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(IModuleDesignTimeFactory).IsAssignableFrom(t))
            .ToList();
        factories.Count.ShouldBe(ModuleAssemblies.Length, "one design-time factory per module");
        return factories.Select(t => ((IModuleDesignTimeFactory)Activator.CreateInstance(t, nonPublic: true)!).Create(provider)).ToList();
    }

    public static T Of<T>(DatabaseProvider provider)
        where T : ModuleDbContext => For(provider).OfType<T>().Single();
}
