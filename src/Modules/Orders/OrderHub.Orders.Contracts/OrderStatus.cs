namespace OrderHub.Orders.Contracts;

/// <summary>Order status. <c>Confirmed</c> (stock reserved) → <c>PartiallyShipped</c> → <c>Shipped</c> → <c>Delivered</c>; or <c>Cancelled</c> before anything shipped.</summary>
public enum OrderStatus
{
    Confirmed,
    PartiallyShipped,
    Shipped,
    Delivered,
    Cancelled,
}
