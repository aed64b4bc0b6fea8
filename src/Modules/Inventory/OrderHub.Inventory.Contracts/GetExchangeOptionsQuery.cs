using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Inventory.Contracts;

/// <summary>
/// What a SKU can be exchanged for: the variants of the same product (same category and the same code up to the
/// last '-', as TEE-S, TEE-M and TEE-L) that have sellable stock available now, the SKU itself included; empty
/// for an unknown SKU.
/// </summary>
public sealed record GetExchangeOptionsQuery(string Sku) : IQuery<IReadOnlyList<ExchangeOption>>;
