using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.StreamStock;

/// <summary>
/// Feeds the live stream from the outbox, so a storefront only ever sees figures that were committed, on
/// whichever node it is connected to. Delivery is at least once: after a crash an event may be streamed twice,
/// which is harmless because each event carries the SKU's complete figures.
/// </summary>
internal sealed class StockChangedBroadcaster(StockStream stream, UnitOfWork unitOfWork) : IIntegrationEventHandler<StockChanged>
{
    public Task HandleAsync(StockChanged integrationEvent, CancellationToken cancellationToken)
    {
        stream.PublishEverywhere(integrationEvent.Stock, unitOfWork);
        return Task.CompletedTask;
    }
}
