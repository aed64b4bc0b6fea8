using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ListSkus;

internal sealed record ListSkusQuery(string? Barcode, string? Category, PageRequest Page) : IQuery<PagedResult<SkuDto>>;
