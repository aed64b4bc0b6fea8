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

    public void Ship(int quantity, string orderNumber)
    {
        if (quantity <= 0)
        {
            throw new BusinessRuleException("Shipment quantities must be positive.", "invalid-quantity");
        }

        if (ShippedQuantity + quantity > Quantity)
        {
            throw new ConflictException(
                $"Order {orderNumber} line {Id} ({Sku}) has {Quantity - ShippedQuantity} unit(s) left to ship, not {quantity}.",
                "over-shipment");
        }

        ShippedQuantity += quantity;
    }
}
