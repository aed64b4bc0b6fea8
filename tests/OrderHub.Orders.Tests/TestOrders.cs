using OrderHub.Orders.Domain;

namespace OrderHub.Orders.Tests;

/// <summary>Orders in a known state, placed at <see cref="Placed"/>, for the rules that start from them.</summary>
internal static class TestOrders
{
    public const string Actor = "staff:ada";

    public static readonly DateTime Placed = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Two lines by default: 3 × TEE at 20.00 and 1 × CAP at 12.50.</summary>
    public static Order Confirmed(params (string Sku, int Quantity, decimal UnitPrice)[] lines) =>
        Order.Place(
            Guid.NewGuid(),
            42,
            "eu-shop",
            "EXT-7",
            new Customer("ada@example.com", "Ada Buyer", "fr", "loyal"),
            new Address("Ada Buyer", "3 rue de la Paix", null, "Paris", "75002", null, "FR"),
            "EUR",
            lines.Length == 0 ? [("TEE", 3, 20.00m), ("CAP", 1, 12.50m)] : lines,
            Actor,
            Placed);

    public static Order Shipped(DateTime at)
    {
        var order = Confirmed(("TEE", 2, 20.00m));
        order.Ship([(order.Lines[0].Id, 2)], "DHL", "TRK-1", Actor, at);
        return order;
    }

    public static Guid LineId(this Order order, string sku) => order.Lines.Single(l => l.Sku == sku).Id;
}
