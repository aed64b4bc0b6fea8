using OrderHub.BuildingBlocks.Domain;
using OrderHub.Orders.Contracts;

namespace OrderHub.Returns.OrderCopies;

/// <summary>
/// What Returns knows of an order, kept up to date from the Orders module's events (never from its tables).
/// Versioned, so two events applied at once cannot overwrite each other's facts.
/// </summary>
internal sealed class OrderCopy : AggregateRoot<Guid>
{
    private readonly List<OrderCopyLine> _lines = [];

    private OrderCopy()
    {
    }

    public string Number { get; private set; } = string.Empty;

    public string? Storefront { get; private set; }

    public string CustomerEmail { get; private set; } = string.Empty;

    public string CustomerName { get; private set; } = string.Empty;

    public string Locale { get; private set; } = "en";

    public string? Segment { get; private set; }

    public string Currency { get; private set; } = string.Empty;

    public string ShippingAddress { get; private set; } = string.Empty;

    public bool Cancelled { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public IReadOnlyList<OrderCopyLine> Lines => _lines;

    public decimal Value => _lines.Sum(l => l.Quantity * l.UnitPrice);

    public static OrderCopy From(OrderSnapshot snapshot)
    {
        var copy = new OrderCopy { Id = snapshot.OrderId };
        copy.Apply(snapshot, cancelled: false);
        return copy;
    }

    /// <summary>Takes the newer facts of a later event; delivery and cancellation are never undone.</summary>
    public void Apply(OrderSnapshot snapshot, bool cancelled)
    {
        Number = snapshot.Number;
        Storefront = snapshot.Storefront;
        CustomerEmail = snapshot.Customer.Email;
        CustomerName = snapshot.Customer.Name;
        Locale = snapshot.Customer.Locale;
        Segment = snapshot.Customer.Segment;
        Currency = snapshot.Currency;
        ShippingAddress = System.Text.Json.JsonSerializer.Serialize(snapshot.ShippingAddress);
        CreatedAt = snapshot.CreatedAt;
        DeliveredAt ??= snapshot.DeliveredAt;
        Cancelled |= cancelled;
        foreach (var line in snapshot.Lines)
        {
            var existing = _lines.SingleOrDefault(l => l.OrderLineId == line.Id);
            if (existing is null)
            {
                _lines.Add(new OrderCopyLine(Id, line.Id, line.Sku, line.Quantity, line.UnitPrice, line.ShippedQuantity));
            }
            else
            {
                existing.Shipped(line.ShippedQuantity);
            }
        }

        Touch();
    }

    public AddressDto Address => System.Text.Json.JsonSerializer.Deserialize<AddressDto>(ShippingAddress)!;
}
