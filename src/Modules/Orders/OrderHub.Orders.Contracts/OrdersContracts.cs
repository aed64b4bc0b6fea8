namespace OrderHub.Orders.Contracts;

/// <summary>Anchor of the Orders module's public surface: its integration events, queries and DTOs.</summary>
public static class OrdersContracts
{
    public const string ModuleName = "Orders";

    public const string Schema = "orders";
}
