namespace OrderHub.Warehouse.Contracts;

/// <summary>Anchor of the Warehouse module's public surface: its integration events, queries and DTOs.</summary>
public static class WarehouseContracts
{
    public const string ModuleName = "Warehouse";

    public const string Schema = "warehouse";
}
