using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.Domain.Events;

/// <summary>
/// A step of a unit of work changed the stock of a SKU; <paramref name="Stock"/> holds the figures after all of
/// that step's changes. <paramref name="Change"/> names what happened (Receipt, Adjustment, Transfer, ...).
/// </summary>
internal sealed record SkuStockChanged(StockSnapshot Stock, string Change, string? Reference, DateTime OccurredAt) : IDomainEvent;
