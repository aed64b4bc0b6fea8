namespace OrderHub.Inventory.Contracts;

/// <summary>Anchor of the Inventory module's public surface: its integration events, queries and DTOs.</summary>
public static class InventoryContracts
{
    public const string ModuleName = "Inventory";

    public const string Schema = "inventory";
}
