namespace OrderHub.Notifications.Contracts;

/// <summary>The event names a webhook subscription may ask for; the <c>type</c> of every delivered body.</summary>
public static class WebhookEventTypes
{
    public const string OrderConfirmed = "order.confirmed";
    public const string OrderShipped = "order.shipped";
    public const string OrderDelivered = "order.delivered";
    public const string OrderCancelled = "order.cancelled";
    public const string ReturnRequested = "return.requested";
    public const string ReturnApproved = "return.approved";
    public const string ReturnRejected = "return.rejected";
    public const string ReturnReceived = "return.received";
    public const string ReturnCompleted = "return.completed";
    public const string ReturnExpiring = "return.expiring";
    public const string ReturnExpired = "return.expired";
    public const string StockChanged = "stock.changed";
    public const string StockLow = "stock.low";

    public static readonly IReadOnlyList<string> All =
    [
        OrderConfirmed, OrderShipped, OrderDelivered, OrderCancelled,
        ReturnRequested, ReturnApproved, ReturnRejected, ReturnReceived, ReturnCompleted, ReturnExpiring, ReturnExpired,
        StockChanged, StockLow,
    ];
}
