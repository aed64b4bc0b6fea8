using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.StreamStock;

/// <summary>
/// Feeds the live stream from the outbox, so a storefront only ever sees figures that were committed, on
/// whichever node it is connected to. Delivery is at least once: after a crash an event may be streamed twice,
/// which is harmless because each event carries the SKU's complete figures. It reads nothing from the database, so
/// a run of events needs no save between them (ADR 0034).
/// </summary>
internal sealed class StockChangedBroadcaster(StockStream stream, UnitOfWork unitOfWork) : IRunConsumer<StockChanged>
{
    public Task HandleAsync(StockChanged integrationEvent, CancellationToken cancellationToken)
    {
        stream.PublishEverywhere(integrationEvent.Stock, unitOfWork);
        return Task.CompletedTask;
    }
}
