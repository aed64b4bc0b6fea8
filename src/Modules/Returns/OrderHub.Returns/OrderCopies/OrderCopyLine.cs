
namespace OrderHub.Returns.OrderCopies;

/// <summary>A line of the Returns module's copy of an order: what was bought and how much of it shipped.</summary>
internal sealed class OrderCopyLine
{
    private OrderCopyLine()
    {
    }

    public OrderCopyLine(Guid orderId, Guid orderLineId, string sku, int quantity, decimal unitPrice, int shippedQuantity)
    {
        OrderId = orderId;
        OrderLineId = orderLineId;
        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
        ShippedQuantity = shippedQuantity;
    }

    public Guid OrderId { get; private set; }

    public Guid OrderLineId { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    public int ShippedQuantity { get; private set; }

    /// <summary>Events may arrive out of order: shipped quantities only grow.</summary>
    public void Shipped(int shippedQuantity) => ShippedQuantity = Math.Max(ShippedQuantity, shippedQuantity);
}
