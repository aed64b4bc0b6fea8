using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ListMovements;

internal sealed record ListMovementsQuery(string Sku, PageRequest Page) : IQuery<PagedResult<StockMovementDto>>;
