namespace OrderHub.Returns.Contracts;

/// <summary>
/// One of the customer's orders a portal session may return items from, with each line's verdict as
/// <c>GET /orders/{id}/returnable-lines</c> gives it.
/// </summary>
public sealed record PortalOrderDto(Guid OrderId, string OrderNumber, string Currency, DateTime? DeliveredAt, IReadOnlyList<ReturnableLineDto> Lines);
