namespace OrderHub.Orders.Domain;

/// <summary>
/// Units of one order line to pick at one location. While not <see cref="Ended"/> the line holds those allocated units:
/// no other list may take them (a unique index over the lines not ended), even once picked, until they ship.
/// </summary>
internal sealed class PickListLine
{
    private PickListLine()
    {
    }

    public PickListLine(Guid pickListId, int position, Guid orderId, Guid orderLineId, string sku, string locationCode, int quantity)
    {
        PickListId = pickListId;
        Position = position;
        OrderId = orderId;
        OrderLineId = orderLineId;
        Sku = sku;
        LocationCode = locationCode;
        Quantity = quantity;
    }

    public Guid PickListId { get; private set; }

    /// <summary>1-based place in the walk.</summary>
    public int Position { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid OrderLineId { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public string LocationCode { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public int PickedQuantity { get; private set; }

    /// <summary>The order's units here shipped, were short-shipped or cancelled: nothing more is picked for the line.</summary>
    public bool Ended { get; private set; }

    public int Remaining => Ended ? 0 : Quantity - PickedQuantity;

    internal void Pick(int quantity) => PickedQuantity += quantity;

    internal void End() => Ended = true;
}
