namespace OrderHub.Orders.ListOrders;

/// <summary>Sort keys for order lists; a leading <c>-</c> sorts descending.</summary>
internal static class OrderSort
{
    public static readonly IReadOnlyList<string> Allowed = ["createdAt", "-createdAt", "number", "-number"];
}
