using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Inventory.Contracts;

/// <summary>
/// The stock of a SKU changed (one event per SKU per committed change), carrying the new figures.
/// <paramref name="Change"/> names what happened (Receipt, Adjustment, Transfer, Reservation, ...).
/// </summary>
public sealed record StockChanged(Guid Id, DateTime OccurredAt, StockSnapshot Stock, string Change, string? Reference)
    : IntegrationEvent(Id, OccurredAt);

/// <summary>Available stock of a SKU fell to or below its low-stock threshold with this change.</summary>
public sealed record StockLow(Guid Id, DateTime OccurredAt, string Sku, int Available, int Threshold)
    : IntegrationEvent(Id, OccurredAt);
