using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.Domain;

/// <summary>
/// A SKU of the catalogue. Its row is also the lock every stock change of the SKU takes first, so concurrent
/// writers of one SKU are serialised; stock changes leave the row, and so its version (the ETag), alone (ADR 0010).
/// </summary>
internal sealed class Sku : AggregateRoot<string>
{
    private Sku()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public string Category { get; private set; } = string.Empty;

    public string? Barcode { get; private set; }

    public decimal? UnitPrice { get; private set; }

    public bool Returnable { get; private set; }

    /// <summary>When available stock falls to or below this, a StockLow event is raised; null turns it off.</summary>
    public int? LowStockThreshold { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Sku Create(string code, string name, string category, string? barcode, decimal? unitPrice, bool returnable, int? lowStockThreshold, DateTime now) => new()
    {
        Id = code,
        Name = name,
        Category = category,
        Barcode = barcode,
        UnitPrice = unitPrice,
        Returnable = returnable,
        LowStockThreshold = lowStockThreshold,
        CreatedAt = now,
    };

    public void SetLowStockThreshold(int? threshold)
    {
        LowStockThreshold = threshold;
        Touch();
    }

    /// <summary>True when this change took available stock from above the threshold to at or below it.</summary>
    public bool FellToLowStock(int availableBefore, int availableAfter) =>
        LowStockThreshold is { } threshold && availableBefore > threshold && availableAfter <= threshold;

    public SkuInfo ToInfo() => new(Id, Name, Category, Barcode, UnitPrice, Returnable);
}
