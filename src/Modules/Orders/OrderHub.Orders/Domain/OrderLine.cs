using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Orders.Domain;

internal sealed class OrderLine
{
    private OrderLine()
    {
    }

    public OrderLine(Guid orderId, string sku, int quantity, decimal unitPrice)
    {
        Id = Guid.NewGuid();
        OrderId = orderId;
        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    public int ShippedQuantity { get; private set; }

    /// <summary>Units that will never ship (short-shipped); they no longer count as to be shipped.</summary>
    public int ShortShippedQuantity { get; private set; }

    /// <summary>Units still to ship.</summary>
    public int Open => Quantity - ShippedQuantity - ShortShippedQuantity;

    public void Ship(int quantity, string orderNumber)
    {
        CheckShippable(quantity, orderNumber);
        ShippedQuantity += quantity;
    }

    public void CheckShippable(int quantity, string orderNumber)
    {
        if (quantity <= 0)
        {
            throw new BusinessRuleException("Shipment quantities must be positive.", "invalid-quantity");
        }

        if (quantity > Open)
        {
            throw new ConflictException(
                $"Order {orderNumber} line {Id} ({Sku}) has {Open} unit(s) left to ship, not {quantity}.",
                "over-shipment");
        }
    }

    public void ShortShip(int quantity, string orderNumber)
    {
        if (quantity <= 0)
        {
            throw new BusinessRuleException("Short-ship quantities must be positive.", "invalid-quantity");
        }

        if (quantity > Open)
        {
            throw new BusinessRuleException(
                $"Order {orderNumber} line {Id} ({Sku}) has {Open} unit(s) left to ship; {quantity} cannot be short-shipped.",
                "over-short-shipment");
        }

        ShortShippedQuantity += quantity;
    }
}
