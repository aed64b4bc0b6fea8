namespace OrderHub.Orders.Domain;

internal sealed class Shipment
{
    private readonly List<ShipmentLine> _lines = [];

    private Shipment()
    {
    }

    public Shipment(Guid orderId, string? warehouseCode, string? carrier, string? trackingNumber, DateTime shippedAt)
    {
        Id = Guid.NewGuid();
        OrderId = orderId;
        WarehouseCode = warehouseCode;
        Carrier = carrier;
        TrackingNumber = trackingNumber;
        ShippedAt = shippedAt;
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    /// <summary>Where the parcel left from; null for shipments of orders placed before allocation.</summary>
    public string? WarehouseCode { get; private set; }

    public string? Carrier { get; private set; }

    public string? TrackingNumber { get; private set; }

    public DateTime ShippedAt { get; private set; }

    public IReadOnlyList<ShipmentLine> Lines => _lines;

    public void Add(Guid orderLineId, string sku, int quantity) => _lines.Add(new ShipmentLine(Id, orderLineId, sku, quantity));
}
