using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.CreateSku;

internal sealed record CreateSkuCommand(string? Sku, string? Name, string? Category, string? Barcode, decimal? UnitPrice, bool? Returnable, int? LowStockThreshold)
    : ICommand<SkuDto>;
