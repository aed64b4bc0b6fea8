using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Inventory.Contracts;

/// <summary>
/// A stock step committed (the reservation of an order's lines, a receipt, a transfer, a return's inspection, ...),
/// with the figures after it of every SKU it changed, in the order the step took them. <paramref name="Change"/>
/// names what happened (Receipt, Adjustment, Transfer, Reservation, ...). Consumers that speak per SKU (the live
/// stream, <c>stock.changed</c> webhooks) fan it out; each SKU's change carries its own id, fixed when the event was
/// published, so a redelivery fans out to the same ids (ADR 0036).
/// </summary>
public sealed record StockStepCompleted(Guid Id, DateTime OccurredAt, string Change, string? Reference, IReadOnlyList<ChangedStock> Stocks)
    : IntegrationEvent(Id, OccurredAt);

/// <summary>One SKU's figures after a <see cref="StockStepCompleted"/>; <paramref name="Id"/> identifies this SKU's change.</summary>
public sealed record ChangedStock(Guid Id, StockSnapshot Stock);

/// <summary>
/// The stock of one SKU changed. Versions before <see cref="StockStepCompleted"/> published one per changed SKU;
/// it is still consumed, so such messages left in an outbox across an upgrade are delivered.
/// </summary>
public sealed record StockChanged(Guid Id, DateTime OccurredAt, StockSnapshot Stock, string Change, string? Reference)
    : IntegrationEvent(Id, OccurredAt);

/// <summary>Available stock of a SKU fell to or below its low-stock threshold with this change.</summary>
public sealed record StockLow(Guid Id, DateTime OccurredAt, string Sku, int Available, int Threshold)
    : IntegrationEvent(Id, OccurredAt);
