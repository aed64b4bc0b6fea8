using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Inventory.Contracts;

/// <summary>The stock figures of a SKU, in total and per location (<c>GET /api/v1/inventory/{sku}</c>).</summary>
public sealed record GetStockQuery(string Sku) : IQuery<StockSnapshot>;
