namespace OrderHub.Analytics.Persistence;

/// <summary>
/// A delivered order the read model has counted. Its presence is what makes a delivery count once, whether it
/// arrives as an event, again as a redelivered event, or through a rebuild.
/// </summary>
internal sealed class OrderFactRow
{
    private OrderFactRow()
    {
    }

    public OrderFactRow(Guid orderId, string storefront, string customerEmail, string segment, DateOnly deliveredDay)
    {
        OrderId = orderId;
        Storefront = storefront;
        CustomerEmail = customerEmail;
        Segment = segment;
        DeliveredDay = deliveredDay;
    }

    public Guid OrderId { get; private set; }

    public string Storefront { get; private set; } = string.Empty;

    public string CustomerEmail { get; private set; } = string.Empty;

    public string Segment { get; private set; } = string.Empty;

    public DateOnly DeliveredDay { get; private set; }
}
