using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Publishing;
using OrderHub.Orders.Contracts;

namespace OrderHub.Notifications.OrderNotifications;

/// <summary>
/// Tells the customer and the webhook subscribers about every step of an order. It only adds rows (and reads the
/// webhook subscriptions, which no consumer writes), so a run of events needs no save between them (ADR 0034).
/// </summary>
internal sealed class OrderEventsConsumer(NotificationWriter writer) :
    IRunConsumer<OrderConfirmed>,
    IRunConsumer<OrderShipped>,
    IRunConsumer<OrderDelivered>,
    IRunConsumer<OrderCancelled>
{
    public Task HandleAsync(OrderConfirmed integrationEvent, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            Notify(integrationEvent, WebhookEventTypes.OrderConfirmed, "order.confirmed", integrationEvent.Order, new { order = integrationEvent.Order }),
            cancellationToken);

    public Task HandleAsync(OrderShipped integrationEvent, CancellationToken cancellationToken)
    {
        var shipment = integrationEvent.Shipment;
        var facts = new List<(string, object)>();
        if (shipment.Carrier is not null)
        {
            facts.Add(("carrier", shipment.Carrier));
        }

        if (shipment.TrackingNumber is not null)
        {
            facts.Add(("trackingNumber", shipment.TrackingNumber));
        }

        return writer.WriteAsync(
            Notify(
                integrationEvent,
                WebhookEventTypes.OrderShipped,
                integrationEvent.Complete ? "order.shipped" : "order.partially_shipped",
                integrationEvent.Order,
                new { order = integrationEvent.Order, shipment, complete = integrationEvent.Complete },
                facts,
                shipment.Lines.Select(l => (l.Sku, l.Quantity)).ToList()),
            cancellationToken);
    }

    public Task HandleAsync(OrderDelivered integrationEvent, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            Notify(
                integrationEvent,
                WebhookEventTypes.OrderDelivered,
                "order.delivered",
                integrationEvent.Order,
                new { order = integrationEvent.Order },
                integrationEvent.Order.DeliveredAt is { } deliveredAt ? [("deliveredAt", deliveredAt)] : []),
            cancellationToken);

    public Task HandleAsync(OrderCancelled integrationEvent, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            Notify(
                integrationEvent,
                WebhookEventTypes.OrderCancelled,
                "order.cancelled",
                integrationEvent.Order,
                new { order = integrationEvent.Order, reason = integrationEvent.Reason },
                integrationEvent.Reason is { } reason ? [("reason", reason)] : []),
            cancellationToken);

    private static NotifiableEvent Notify(
        IIntegrationEvent integrationEvent,
        string type,
        string template,
        OrderSnapshot order,
        object data,
        IReadOnlyList<(string Label, object Value)>? facts = null,
        IReadOnlyList<(string Sku, int Quantity)>? items = null) =>
        new(
            new WebhookEvent(integrationEvent.Id, type, integrationEvent.OccurredAt, data),
            new CustomerEmail(
                template,
                order.Customer.Email,
                order.Customer.Name,
                order.Customer.Locale,
                new MessageReference(order.Storefront, order.OrderId, order.Number),
                facts ?? [],
                items ?? order.Lines.Select(l => (l.Sku, l.Quantity)).ToList()));
}
