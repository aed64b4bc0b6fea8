using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// What a customer may return from an order under the policy in force: every line with its eligibility (as
/// <c>GET /api/v1/orders/{id}/returnable-lines</c>), its refusals as codes for a page to put into words, and the
/// resolutions and fees the policy offers. Visible as the order is (a portal session: its customer's orders in the
/// storefront of the order it was opened from).
/// </summary>
public sealed record GetReturnOptionsQuery(Guid OrderId) : IQuery<ReturnOptions>;
