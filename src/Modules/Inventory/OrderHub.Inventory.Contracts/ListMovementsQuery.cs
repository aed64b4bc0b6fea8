using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Inventory.Contracts;

/// <summary>The stock ledger of a SKU, newest first (<c>GET /api/v1/inventory/{sku}/movements</c>).</summary>
public sealed record ListMovementsQuery(string Sku, PageRequest Page) : IQuery<PagedResult<StockMovementDto>>;
