using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.SetLowStockThreshold;

internal sealed record SetLowStockThresholdCommand(string Sku, int? Threshold, int? ExpectedVersion) : ICommand<(SkuDto Sku, int Version)>;
