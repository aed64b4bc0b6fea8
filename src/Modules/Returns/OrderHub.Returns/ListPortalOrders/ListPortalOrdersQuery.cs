using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ListPortalOrders;

internal sealed record ListPortalOrdersQuery(PageRequest Page) : IQuery<PagedResult<PortalOrderDto>>;
