using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ReceiveStock;

internal sealed record ReceiveStockCommand(string? Sku, string? LocationCode, int? Quantity, string? Reference, string Actor) : ICommand<StockChangeResponse>;
