namespace OrderHub.Orders.Domain;

/// <summary>
/// Units of an order line reserved in one location of one warehouse (ADR 0026). <see cref="Quantity"/> is what is
/// meant to ship from there (lowered when units are released); <see cref="ShippedQuantity"/> what has.
/// </summary>
internal sealed class OrderAllocation
{
    private OrderAllocation()
    {
    }

    public OrderAllocation(Guid orderId, Guid orderLineId, string sku, string warehouseCode, string locationCode, int quantity)
    {
        OrderId = orderId;
        OrderLineId = orderLineId;
        Sku = sku;
        WarehouseCode = warehouseCode;
        LocationCode = locationCode;
        Quantity = quantity;
    }

    public Guid OrderId { get; private set; }

    public Guid OrderLineId { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public string WarehouseCode { get; private set; } = string.Empty;

    public string LocationCode { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public int ShippedQuantity { get; private set; }

    /// <summary>Still reserved here for the line.</summary>
    public int Open => Quantity - ShippedQuantity;

    public AllocatedUnits Ship(int quantity)
    {
        ShippedQuantity += quantity;
        return new AllocatedUnits(Sku, WarehouseCode, LocationCode, quantity);
    }

    public AllocatedUnits Release(int quantity)
    {
        Quantity -= quantity;
        return new AllocatedUnits(Sku, WarehouseCode, LocationCode, quantity);
    }

    internal void Add(int quantity) => Quantity += quantity;
}
