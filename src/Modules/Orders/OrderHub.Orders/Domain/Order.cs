using OrderHub.BuildingBlocks.Domain;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.Domain;

/// <summary>
/// A customer order. Guards its own lifecycle: lines are fixed at placement, shipments may not exceed what
/// was ordered, delivery needs everything shipped, and cancellation is impossible once anything shipped.
/// Every transition is recorded on the timeline with its actor and raises a domain event.
/// </summary>
internal sealed class Order : AggregateRoot<Guid>
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<Shipment> _shipments = [];
    private readonly List<OrderTimelineEntry> _timeline = [];

    private Order()
    {
    }

    public long SequenceNumber { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public OrderStatus Status { get; private set; }

    public string? Storefront { get; private set; }

    public string? ExternalReference { get; private set; }

    public Customer Customer { get; private set; } = null!;

    public Address ShippingAddress { get; private set; } = null!;

    public string Currency { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<Shipment> Shipments => _shipments;

    public IReadOnlyList<OrderTimelineEntry> Timeline => _timeline;

    public decimal Total => _lines.Sum(l => l.Quantity * l.UnitPrice);

    public static string FormatNumber(long sequenceNumber) => $"OH-{sequenceNumber:D6}";

    /// <summary>
    /// Creates the order once its stock is reserved under <paramref name="id"/>: it is born confirmed, and says so
    /// on its timeline and to the other modules.
    /// </summary>
    public static Order Place(
        Guid id,
        long sequenceNumber,
        string? storefront,
        string? externalReference,
        Customer customer,
        Address shippingAddress,
        string currency,
        IEnumerable<(string Sku, int Quantity, decimal UnitPrice)> lines,
        string actor,
        DateTime now)
    {
        var order = new Order
        {
            Id = id,
            SequenceNumber = sequenceNumber,
            Number = FormatNumber(sequenceNumber),
            Status = OrderStatus.Confirmed,
            Storefront = storefront,
            ExternalReference = externalReference,
            Customer = customer,
            ShippingAddress = shippingAddress,
            Currency = currency,
            CreatedAt = now,
        };
        foreach (var (sku, quantity, unitPrice) in lines)
        {
            order._lines.Add(new OrderLine(order.Id, sku, quantity, unitPrice));
        }

        order.Record("OrderConfirmed", actor, now, $"{order._lines.Count} line(s), stock reserved");
        order.Raise(new Events.OrderConfirmed(order, now));
        return order;
    }

    public Shipment Ship(IReadOnlyList<(Guid OrderLineId, int Quantity)> lines, string? carrier, string? trackingNumber, string actor, DateTime now)
    {
        if (Status is not (OrderStatus.Confirmed or OrderStatus.PartiallyShipped))
        {
            throw new ConflictException($"Order {Number} is {Status}; only confirmed or partially shipped orders can ship.", "illegal-transition");
        }

        var shipment = new Shipment(Id, carrier, trackingNumber, now);
        foreach (var group in lines.GroupBy(l => l.OrderLineId))
        {
            var line = _lines.SingleOrDefault(l => l.Id == group.Key)
                ?? throw new NotFoundException("Order line", group.Key);
            var quantity = group.Sum(l => l.Quantity);
            line.Ship(quantity, Number);
            shipment.Add(line.Id, line.Sku, quantity);
        }

        _shipments.Add(shipment);
        Status = _lines.All(l => l.ShippedQuantity == l.Quantity) ? OrderStatus.Shipped : OrderStatus.PartiallyShipped;
        Record("OrderShipped", actor, now, $"shipment {shipment.Id}{(carrier is null ? string.Empty : $" via {carrier}")}{(trackingNumber is null ? string.Empty : $" ({trackingNumber})")}");
        Raise(new Events.OrderShipped(this, shipment, Status == OrderStatus.Shipped, now));
        return shipment;
    }

    public void Deliver(DateTime deliveredAt, string actor, DateTime now)
    {
        if (Status != OrderStatus.Shipped)
        {
            throw new ConflictException($"Order {Number} is {Status}; only a fully shipped order can be delivered.", "illegal-transition");
        }

        if (deliveredAt > now.AddMinutes(5))
        {
            throw new BusinessRuleException("deliveredAt cannot be in the future.", "delivery-in-future");
        }

        var lastShipment = _shipments.Max(s => s.ShippedAt);
        if (deliveredAt < lastShipment)
        {
            throw new BusinessRuleException($"deliveredAt cannot be before the last shipment ({lastShipment:O}).", "delivery-before-shipment");
        }

        DeliveredAt = deliveredAt;
        Status = OrderStatus.Delivered;
        Record("OrderDelivered", actor, now, $"delivered at {deliveredAt:O}");
        Raise(new Events.OrderDelivered(this, now));
    }

    /// <summary>Cancels the order; returns what was still reserved so the caller can release it.</summary>
    public IReadOnlyList<(string Sku, int Quantity)> Cancel(string? reason, string actor, DateTime now)
    {
        if (Status != OrderStatus.Confirmed)
        {
            throw new ConflictException(
                Status == OrderStatus.Cancelled
                    ? $"Order {Number} is already cancelled."
                    : $"Order {Number} is {Status}; an order cannot be cancelled once anything has shipped.",
                "illegal-transition");
        }

        Status = OrderStatus.Cancelled;
        CancelledAt = now;
        Record("OrderCancelled", actor, now, reason);
        Raise(new Events.OrderCancelled(this, reason, now));
        return _lines.Select(l => (l.Sku, l.Quantity - l.ShippedQuantity)).Where(x => x.Item2 > 0).ToList();
    }

    private void Record(string eventName, string actor, DateTime now, string? detail)
    {
        _timeline.Add(new OrderTimelineEntry(Id, _timeline.Count + 1, eventName, Status, actor, now, detail));
        Touch();
    }
}
