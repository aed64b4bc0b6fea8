namespace OrderHub.Inventory;

/// <summary><c>OrderHub:Inventory:StockReadCache</c>.</summary>
internal sealed class StockReadCacheOptions
{
    public const string Section = "OrderHub:Inventory:StockReadCache";

    /// <summary>SKUs kept at most; reads of further SKUs go to the database.</summary>
    public int MaxEntries { get; set; } = 200_000;
}
