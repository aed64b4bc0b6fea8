using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Inventory.Domain.Events;

/// <summary>Available stock of a SKU fell from above its low-stock threshold to at or below it.</summary>
internal sealed record SkuStockRanLow(string Sku, int Available, int Threshold, DateTime OccurredAt) : IDomainEvent;
