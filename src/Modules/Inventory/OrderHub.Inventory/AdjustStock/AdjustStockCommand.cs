using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.AdjustStock;

internal sealed record AdjustStockCommand(string? Sku, string? LocationCode, int? QuantityDelta, string? Reason, string Actor) : ICommand<StockChangeResponse>;
