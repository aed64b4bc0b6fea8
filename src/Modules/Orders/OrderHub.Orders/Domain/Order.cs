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
    private readonly List<OrderAllocation> _allocations = [];
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

    /// <summary>Where each line's units are reserved (ADR 0026); empty for orders placed before allocation.</summary>
    public IReadOnlyList<OrderAllocation> Allocations => _allocations;

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
        DateTime now,
        IReadOnlyList<AllocatedUnits>? allocated = null)
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

        order.Allocate(allocated ?? []);

        order.Record("OrderConfirmed", actor, now, $"{order._lines.Count} line(s), stock reserved");
        order.Raise(new Events.OrderConfirmed(order, now));
        return order;
    }

    public Shipment Ship(IReadOnlyList<(Guid OrderLineId, int Quantity)> lines, string? carrier, string? trackingNumber, string actor, DateTime now) =>
        ShipFrom(null, lines, carrier, trackingNumber, actor, now).Shipment;

    /// <summary>
    /// Ships units from one warehouse: <paramref name="warehouseCode"/>, or, when null, the one warehouse the lines'
    /// units are allocated to. Answers the allocated units the shipment takes, location by location (none for an
    /// order placed before allocation, whose units ship by reference as before).
    /// </summary>
    public (Shipment Shipment, IReadOnlyList<AllocatedUnits> Taken) ShipFrom(
        string? warehouseCode, IReadOnlyList<(Guid OrderLineId, int Quantity)> lines, string? carrier, string? trackingNumber, string actor, DateTime now)
    {
        if (Status is not (OrderStatus.Confirmed or OrderStatus.PartiallyShipped))
        {
            throw new ConflictException($"Order {Number} is {Status}; only confirmed or partially shipped orders can ship.", "illegal-transition");
        }

        var wanted = lines.GroupBy(l => l.OrderLineId)
            .Select(g => (Line: _lines.SingleOrDefault(l => l.Id == g.Key) ?? throw new NotFoundException("Order line", g.Key), Quantity: g.Sum(l => l.Quantity)))
            .ToList();
        foreach (var (line, quantity) in wanted)
        {
            line.CheckShippable(quantity, Number);
        }

        var taken = new List<AllocatedUnits>();
        if (_allocations.Count > 0)
        {
            warehouseCode ??= SingleWarehouseFor(wanted);
            RequireAllocatedIn(warehouseCode, wanted);
            foreach (var (line, quantity) in wanted)
            {
                var remaining = quantity;
                foreach (var allocation in OpenAllocations(line).Where(a => a.WarehouseCode == warehouseCode).OrderBy(a => a.LocationCode, StringComparer.Ordinal))
                {
                    var units = Math.Min(allocation.Open, remaining);
                    taken.Add(allocation.Ship(units));
                    remaining -= units;
                    if (remaining == 0)
                    {
                        break;
                    }
                }
            }
        }

        var shipment = new Shipment(Id, warehouseCode, carrier, trackingNumber, now);
        foreach (var (line, quantity) in wanted)
        {
            line.Ship(quantity, Number);
            shipment.Add(line.Id, line.Sku, quantity);
        }

        _shipments.Add(shipment);
        Status = _lines.All(l => l.Open == 0) ? OrderStatus.Shipped : OrderStatus.PartiallyShipped;
        Record("OrderShipped", actor, now, $"shipment {shipment.Id}{(warehouseCode is null ? string.Empty : $" from {warehouseCode}")}{(carrier is null ? string.Empty : $" via {carrier}")}{(trackingNumber is null ? string.Empty : $" ({trackingNumber})")}");
        Raise(new Events.OrderShipped(this, shipment, Status == OrderStatus.Shipped, now));
        return (shipment, taken);
    }

    /// <summary>
    /// Gives up on units that will never ship: their reservation is released (the allocated units are answered) and the
    /// lines stop waiting for them. When nothing is left to ship the order is Shipped, or Cancelled if nothing had shipped.
    /// </summary>
    public IReadOnlyList<AllocatedUnits> ShortShip(IReadOnlyList<(Guid OrderLineId, int Quantity)> lines, string? reason, string actor, DateTime now)
    {
        if (Status is not (OrderStatus.Confirmed or OrderStatus.PartiallyShipped))
        {
            throw new ConflictException($"Order {Number} is {Status}; only confirmed or partially shipped orders can be short-shipped.", "illegal-transition");
        }

        var released = new List<AllocatedUnits>();
        foreach (var group in lines.GroupBy(l => l.OrderLineId))
        {
            var line = _lines.SingleOrDefault(l => l.Id == group.Key) ?? throw new NotFoundException("Order line", group.Key);
            var quantity = group.Sum(l => l.Quantity);
            line.ShortShip(quantity, Number);

            // Released from the end of the walk (warehouse, then location code, descending), so what is released is
            // predictable and the ledger and the allocation name the same locations.
            var remaining = quantity;
            foreach (var allocation in OpenAllocations(line)
                .OrderByDescending(a => a.WarehouseCode, StringComparer.Ordinal).ThenByDescending(a => a.LocationCode, StringComparer.Ordinal))
            {
                var units = Math.Min(allocation.Open, remaining);
                released.Add(allocation.Release(units));
                remaining -= units;
                if (remaining == 0)
                {
                    break;
                }
            }
        }

        var total = lines.Sum(l => l.Quantity);
        if (_lines.Any(l => l.Open > 0))
        {
            Record("OrderShortShipped", actor, now, $"{total} unit(s) will not ship{(reason is null ? string.Empty : $": {reason}")}");
        }
        else if (_lines.Any(l => l.ShippedQuantity > 0))
        {
            Status = OrderStatus.Shipped;
            Record("OrderShortShipped", actor, now, $"{total} unit(s) will not ship; everything else has shipped{(reason is null ? string.Empty : $": {reason}")}");
        }
        else
        {
            Record("OrderShortShipped", actor, now, $"{total} unit(s) will not ship; nothing is left to ship{(reason is null ? string.Empty : $": {reason}")}");
            Close(reason ?? "short-shipped", actor, now);
        }

        return released;
    }

    /// <summary>
    /// Units allocated to <paramref name="warehouseCode"/> still to ship, per line and location, leaving out those a pick
    /// list already holds (<paramref name="held"/>); none unless the order can still ship.
    /// </summary>
    public IReadOnlyList<PickCandidate> PickableIn(string warehouseCode, IReadOnlySet<(Guid OrderLineId, string LocationCode)> held) =>
        Status is OrderStatus.Confirmed or OrderStatus.PartiallyShipped
            ? _allocations
                .Where(a => a.WarehouseCode == warehouseCode && a.Open > 0 && !held.Contains((a.OrderLineId, a.LocationCode)))
                .Select(a => new PickCandidate(Id, SequenceNumber, a.OrderLineId, a.Sku, a.LocationCode, a.Open))
                .ToList()
            : [];

    /// <summary>
    /// Records that units of the order went on a pick list. It also moves the order's version, so a shipment, short-ship or
    /// cancellation that loaded the order before the list was made conflicts instead of missing the list (ADR 0030).
    /// </summary>
    public void PutOnPickList(Guid pickListId, string warehouseCode, int units, string actor, DateTime now) =>
        Record("OrderPickListed", actor, now, $"{units} unit(s) on pick list {pickListId} in {warehouseCode}");

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
    public IReadOnlyList<(string Sku, int Quantity)> Cancel(string? reason, string actor, DateTime now) =>
        CancelReleasing(reason, actor, now).Unshipped;

    /// <summary>
    /// Cancels the order; answers what was still reserved per SKU and, for an allocated order, exactly where, so the
    /// caller releases those locations.
    /// </summary>
    public (IReadOnlyList<(string Sku, int Quantity)> Unshipped, IReadOnlyList<AllocatedUnits> Released) CancelReleasing(string? reason, string actor, DateTime now)
    {
        if (Status != OrderStatus.Confirmed)
        {
            throw new ConflictException(
                Status == OrderStatus.Cancelled
                    ? $"Order {Number} is already cancelled."
                    : $"Order {Number} is {Status}; an order cannot be cancelled once anything has shipped.",
                "illegal-transition");
        }

        var unshipped = _lines.Select(l => (l.Sku, l.Open)).Where(x => x.Open > 0).ToList();
        var released = _allocations.Where(a => a.Open > 0).Select(a => a.Release(a.Open)).ToList();
        Close(reason, actor, now);
        return (unshipped, released);
    }

    private void Close(string? reason, string actor, DateTime now)
    {
        Status = OrderStatus.Cancelled;
        CancelledAt = now;
        Record("OrderCancelled", actor, now, reason);
        Raise(new Events.OrderCancelled(this, reason, now));
    }

    /// <summary>Spreads the reserved units of each SKU over its lines, in line order, as few pieces per line as they allow.</summary>
    private void Allocate(IReadOnlyList<AllocatedUnits> allocated)
    {
        foreach (var bySku in allocated.GroupBy(a => a.Sku, StringComparer.Ordinal))
        {
            var pieces = bySku.ToList();
            var left = pieces.Select(p => p.Quantity).ToArray();
            var next = 0;
            foreach (var line in _lines.Where(l => l.Sku == bySku.Key))
            {
                for (var remaining = line.Quantity; remaining > 0 && next < pieces.Count;)
                {
                    var piece = pieces[next];
                    var units = Math.Min(left[next], remaining);
                    var existing = _allocations.SingleOrDefault(a => a.OrderLineId == line.Id && a.LocationCode == piece.LocationCode);
                    if (existing is null)
                    {
                        _allocations.Add(new OrderAllocation(Id, line.Id, line.Sku, piece.WarehouseCode, piece.LocationCode, units));
                    }
                    else
                    {
                        existing.Add(units);
                    }

                    remaining -= units;
                    left[next] -= units;
                    if (left[next] == 0)
                    {
                        next++;
                    }
                }
            }
        }
    }

    private IEnumerable<OrderAllocation> OpenAllocations(OrderLine line) =>
        _allocations.Where(a => a.OrderLineId == line.Id && a.Open > 0);

    /// <summary>The one warehouse that holds every requested unit; 422 when the lines' units are in several and none holds them all.</summary>
    private string SingleWarehouseFor(List<(OrderLine Line, int Quantity)> wanted)
    {
        var able = wanted.SelectMany(w => OpenAllocations(w.Line)).Select(a => a.WarehouseCode).Distinct(StringComparer.Ordinal)
            .Where(code => wanted.All(w => OpenAllocations(w.Line).Where(a => a.WarehouseCode == code).Sum(a => a.Open) >= w.Quantity))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (able.Count == 1)
        {
            return able[0];
        }

        throw new BusinessRuleException(
            $"Order {Number}'s units are allocated to several warehouses; name the warehouseCode the shipment leaves from.",
            "warehouse-required",
            new Dictionary<string, object?> { ["warehouses"] = OpenByWarehouse(wanted.Select(w => w.Line)) });
    }

    private void RequireAllocatedIn(string warehouseCode, List<(OrderLine Line, int Quantity)> wanted)
    {
        var elsewhere = wanted
            .Select(w => (w.Line, w.Quantity, Here: OpenAllocations(w.Line).Where(a => a.WarehouseCode == warehouseCode).Sum(a => a.Open)))
            .Where(w => w.Quantity > w.Here)
            .ToList();
        if (elsewhere.Count == 0)
        {
            return;
        }

        throw new BusinessRuleException(
            $"A shipment from {warehouseCode} cannot carry {string.Join(", ", elsewhere.Select(e => $"line {e.Line.Id} ({e.Line.Sku}): {e.Quantity} requested, {e.Here} allocated there"))}; "
                + "one shipment ships from one warehouse.",
            "allocated-elsewhere",
            new Dictionary<string, object?>
            {
                ["lines"] = elsewhere.Select(e => new
                {
                    orderLineId = e.Line.Id,
                    sku = e.Line.Sku,
                    requested = e.Quantity,
                    allocatedHere = e.Here,
                    allocatedElsewhere = OpenAllocations(e.Line).Where(a => a.WarehouseCode != warehouseCode)
                        .GroupBy(a => a.WarehouseCode).Select(g => new { warehouseCode = g.Key, quantity = g.Sum(a => a.Open) }).ToList(),
                }).ToList(),
            });
    }

    private List<object> OpenByWarehouse(IEnumerable<OrderLine> lines) =>
        lines.SelectMany(OpenAllocations).GroupBy(a => a.WarehouseCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (object)new { warehouseCode = g.Key, quantity = g.Sum(a => a.Open) }).ToList();

    private void Record(string eventName, string actor, DateTime now, string? detail)
    {
        _timeline.Add(new OrderTimelineEntry(Id, _timeline.Count + 1, eventName, Status, actor, now, detail));
        Touch();
    }
}
