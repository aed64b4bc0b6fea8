using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.Domain.Events;

/// <summary>
/// A step of a unit of work changed the stock of these SKUs: the <see cref="SkuStockChanged"/> of each, gathered by
/// <see cref="StockSession"/> when the step ends, in the order the step took them.
/// </summary>
internal sealed record StockStepChanged(IReadOnlyList<StockSnapshot> Stocks, string Change, string? Reference, DateTime OccurredAt) : IDomainEvent;
