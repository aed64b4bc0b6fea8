using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.TransferStock;

internal sealed record TransferStockCommand(string? Sku, string? FromLocationCode, string? ToLocationCode, int? Quantity, string Actor) : ICommand<StockChangeResponse>;
