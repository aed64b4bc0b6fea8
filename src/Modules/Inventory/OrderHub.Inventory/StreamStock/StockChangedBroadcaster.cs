using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.StreamStock;

/// <summary>
/// Feeds the live stream from the outbox, so a storefront only ever sees figures that were committed, on
/// whichever node it is connected to: each SKU a stock step changed, in the step's order. Delivery is at least once:
/// after a crash an event may be streamed twice, which is harmless because each event carries the SKU's complete
/// figures. It reads nothing from the database, so a run of events needs no save between them (ADR 0034).
/// </summary>
internal sealed class StockChangedBroadcaster(StockStream stream, UnitOfWork unitOfWork) :
    IRunConsumer<StockStepCompleted>,
    IRunConsumer<StockChanged>
{
    public Task HandleAsync(StockStepCompleted integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var changed in integrationEvent.Stocks)
        {
            stream.PublishEverywhere(changed.Stock, unitOfWork);
        }

        return Task.CompletedTask;
    }

    /// <summary>The per-SKU form of earlier versions, still in an outbox across an upgrade.</summary>
    public Task HandleAsync(StockChanged integrationEvent, CancellationToken cancellationToken)
    {
        stream.PublishEverywhere(integrationEvent.Stock, unitOfWork);
        return Task.CompletedTask;
    }
}
