using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// The portal session customer's orders that still have a returnable line, newest first, as
/// <c>GET /api/v1/portal/orders</c> lists them: the orders of the session's email in the storefront of the order it
/// was opened from, never anyone else's. Only a portal session may send it.
/// </summary>
public sealed record ListPortalOrdersQuery(PageRequest Page) : IQuery<PagedResult<PortalOrderDto>>;
