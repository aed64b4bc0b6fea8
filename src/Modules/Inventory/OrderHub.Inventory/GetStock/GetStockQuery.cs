using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.GetStock;

internal sealed record GetStockQuery(string Sku) : IQuery<StockSnapshot>;
