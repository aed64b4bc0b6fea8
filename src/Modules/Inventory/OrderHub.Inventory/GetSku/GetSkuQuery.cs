using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.GetSku;

internal sealed record GetSkuQuery(string Sku) : IQuery<(SkuDto Sku, int Version)>;
