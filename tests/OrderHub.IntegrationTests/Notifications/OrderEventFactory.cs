using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Orders.Contracts;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// Produces the Orders module's integration events through its real outbox: written in a committed unit of
/// work on the Orders context, then delivered by the real dispatcher to the Notifications consumers.
/// </summary>
public static class OrderEventFactory
{
    private static int _sequence = 100_000;

    public static OrderSnapshot Order(string email, string name = "Marie Curie", string locale = "en", string? storefront = "shop-eu")
    {
        var number = $"OH-{Interlocked.Increment(ref _sequence):D6}";
        return new OrderSnapshot(
            Guid.NewGuid(),
            number,
            storefront,
            new CustomerDto(email, name, locale, null),
            new AddressDto(name, "12 rue de la Paix", null, "Paris", "75002", null, "FR"),
            "EUR",
            [new OrderLineDto(Guid.NewGuid(), "TSHIRT-M", 2, 19.90m, 0), new OrderLineDto(Guid.NewGuid(), "MUG", 1, 9.50m, 0)],
            DateTime.UtcNow,
            null);
    }

    public static OrderConfirmed Confirmed(OrderSnapshot order) => new(Guid.NewGuid(), DateTime.UtcNow, order);

    public static OrderShipped Shipped(OrderSnapshot order, bool complete = true) => new(
        Guid.NewGuid(),
        DateTime.UtcNow,
        order,
        new ShipmentDto(Guid.NewGuid(), "Colissimo", "6A12345678901", DateTime.UtcNow, order.Lines.Select(l => new ShipmentLineDto(l.Id, l.Sku, l.Quantity)).ToList()),
        complete);

    public static OrderDelivered Delivered(OrderSnapshot order) => new(Guid.NewGuid(), DateTime.UtcNow, order with { DeliveredAt = DateTime.UtcNow });

    public static OrderCancelled Cancelled(OrderSnapshot order, string? reason) => new(Guid.NewGuid(), DateTime.UtcNow, order, reason);

    /// <summary>Publishes the events from the Orders module's outbox in one committed transaction.</summary>
    public static async Task PublishAsync(this OrderHubApp app, params IIntegrationEvent[] events)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        var orders = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(catalog.ByName(OrdersContracts.ModuleName).DbContextType);
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(_ =>
        {
            foreach (var integrationEvent in events)
            {
                orders.Publish(integrationEvent);
            }

            return Task.CompletedTask;
        }, CancellationToken.None);
    }
}
