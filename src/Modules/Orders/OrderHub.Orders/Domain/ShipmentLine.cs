namespace OrderHub.Orders.Domain;

internal sealed class ShipmentLine
{
    private ShipmentLine()
    {
    }

    public ShipmentLine(Guid shipmentId, Guid orderLineId, string sku, int quantity)
    {
        ShipmentId = shipmentId;
        OrderLineId = orderLineId;
        Sku = sku;
        Quantity = quantity;
    }

    public Guid ShipmentId { get; private set; }

    public Guid OrderLineId { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public int Quantity { get; private set; }
}
