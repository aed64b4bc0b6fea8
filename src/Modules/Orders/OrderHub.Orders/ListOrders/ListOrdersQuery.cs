using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.ListOrders;

internal sealed record ListOrdersQuery(
    OrderStatus? Status,
    string? CustomerEmail,
    string? Storefront,
    DateTime? CreatedFrom,
    DateTime? CreatedTo,
    string Sort,
    PageRequest Page) : IQuery<PagedResult<OrderSummaryDto>>;
